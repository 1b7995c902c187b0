using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QuoinApi.Infrastructure.RateLimiting;

namespace QuoinApi.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate-limiting middleware with <see cref="QuoinRateLimiter"/> as its global limiter, right after
/// authentication (the partition is the caller). A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
internal static class RateLimitingSetup
{
    public static IServiceCollection AddQuoinRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<QuoinRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<QuoinRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    public static WebApplication UseQuoinRateLimiting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
#if (IncludeRatePlans)
        var (retryAfter, code, detail) = rejected.Lease switch
        {
            RefusedLease { Decision.QuotaExhausted: true } refused => (RateLimitHeaders.Seconds(refused.Decision.RetryAfter), "quota.exhausted",
                "The tenant's monthly request quota is used up; it renews at the start of next month (UTC)."),
            RefusedLease refused => (RateLimitHeaders.Seconds(refused.Decision.RetryAfter), "rate_limit.exceeded",
                "The tenant's rate limit is used up; retry after the time Retry-After gives."),
            _ => (1L, "rate_limit.address_exceeded",
                "Too many unauthenticated requests or unknown credentials from this address; retry after the time Retry-After gives."),
        };
#else
        // Only the address's budget refuses: a whole second refills at least one unit of it.
        var (retryAfter, code, detail) = (1L, "rate_limit.address_exceeded",
            "Too many unauthenticated requests or unknown credentials from this address; retry after the time Retry-After gives.");
#endif

        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too Many Requests", Detail = detail };
        problem.Extensions["code"] = code;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }
}
