using QuoinApi.Api.Infrastructure;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Api.Http;

/// <summary>
/// Reads <c>Idempotency-Key</c> on POST and PATCH (draft-ietf-httpapi-idempotency-key-header): 1-255 printable ASCII
/// characters, or the same as a quoted structured-field string. A malformed key is a 400 before anything runs. A
/// replayed result gets <c>Idempotent-Replayed: true</c>.
/// </summary>
internal sealed class IdempotencyKeyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public Task InvokeAsync(HttpContext context, RequestContext requestContext)
    {
        var method = context.Request.Method;
        if (!(HttpMethods.IsPost(method) || HttpMethods.IsPatch(method)) || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return next(context);
        }

        if (values.Count != 1 || !TryParse(values[0], out var key))
        {
            return context.WriteProblemAsync(StatusCodes.Status400BadRequest, "Bad Request",
                "Idempotency-Key must be one value of 1-255 printable ASCII characters (optionally a quoted string).");
        }

        requestContext.IdempotencyKey = key;
        context.Response.OnStarting(() =>
        {
            if (requestContext.IdempotentReplay)
            {
                context.Response.Headers[ReplayedHeaderName] = "true";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Accepts <c>abc-123</c> and the structured-field string <c>"abc-123"</c> (with \" and \\ escapes).</summary>
    internal static bool TryParse(string? raw, out string key)
    {
        key = string.Empty;
        if (string.IsNullOrEmpty(raw))
        {
            return false;
        }

        var value = raw;
        if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
        {
            var builder = new System.Text.StringBuilder(raw.Length);
            for (var i = 1; i < raw.Length - 1; i++)
            {
                var c = raw[i];
                if (c == '\\')
                {
                    if (i + 1 >= raw.Length - 1 || raw[i + 1] is not ('"' or '\\'))
                    {
                        return false;
                    }

                    c = raw[++i];
                }
                else if (c == '"')
                {
                    return false;
                }

                builder.Append(c);
            }

            value = builder.ToString();
        }

        if (value.Length is < 1 or > 255 || value.Any(c => c is < ' ' or > '~'))
        {
            return false;
        }

        key = value;
        return true;
    }
}
