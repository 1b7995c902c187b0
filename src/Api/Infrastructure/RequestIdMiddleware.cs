using System.Diagnostics;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Infrastructure;

/// <summary>Accepts a caller's <c>X-Request-Id</c> (≤ 128 safe characters) or makes one, and echoes it (docs/http-contract.md#tracing).</summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";
    public const string ItemKey = "QuoinApi.RequestId";
    private const int MaxLength = 128;

    public Task InvokeAsync(HttpContext context)
    {
        var presented = context.Request.Headers[HeaderName].ToString();
        var requestId = IsSafe(presented) ? presented : UuidV7.Create().ToString("N");
        context.Items[ItemKey] = requestId;
        context.RequestServices.GetRequiredService<QuoinApi.Application.Common.Abstractions.RequestContext>().RequestId = requestId;
        context.Response.Headers[HeaderName] = requestId;
        Activity.Current?.SetTag("http.request_id", requestId);
        using (context.RequestServices.GetRequiredService<ILogger<RequestIdMiddleware>>().BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            return next(context);
        }
    }

    internal static bool IsSafe(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
