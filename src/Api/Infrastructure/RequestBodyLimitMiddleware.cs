using Microsoft.AspNetCore.Http.Features;

namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// Caps request bodies (default 1 MiB). A declared Content-Length over the cap is refused before reading; a chunked
/// body is cut off by the server's own limit, which surfaces as a 413 problem.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string ConfigurationKey = "Api:MaxRequestBodyBytes";
    public const long DefaultMaxBytes = 1024 * 1024;
    private readonly long _maxBytes = configuration.GetValue(ConfigurationKey, DefaultMaxBytes);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBytes)
        {
            context.Response.Headers.Connection = "close";
            return context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "Payload Too Large",
                $"The request body is larger than {_maxBytes} bytes.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _maxBytes;
        }

        return next(context);
    }
}
