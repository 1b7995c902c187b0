namespace QuoinApi.Api.Infrastructure;

/// <summary>The security headers (docs/http-contract.md#security) on every response; the docs page gets a CSP that lets its script run.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    internal const string ApiCsp = "default-src 'none'; frame-ancestors 'none'";
    private const string DocsCsp =
        "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; " +
        "font-src 'self' https://fonts.gstatic.com data:; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/docs") ? DocsCsp : ApiCsp;
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            // Anything a credential can read must not be stored by shared caches or the browser.
            if (http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
            }

            headers.Remove("Server");
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
