using System.Globalization;
using QuoinApi.Application.RatePlans;
using QuoinApi.Application.Usage;
using QuoinApi.Infrastructure.RateLimiting;

namespace QuoinApi.Api.RateLimiting;

/// <summary>
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> (draft-ietf-httpapi-ratelimit-headers-10) as RFC 9651 structured
/// fields: lists of string items with integer parameters. Two policies: <c>"burst"</c> (<c>q</c> requests, refilled
/// over <c>w</c> seconds at the plan's sustained rate) and <c>"monthly"</c> (the calendar month's quota; <c>w</c> is
/// that month's length).
/// </summary>
public static class RateLimitHeaders
{
    public const string Policy = "RateLimit-Policy";
    public const string Current = "RateLimit";

    public static string PolicyFor(RatePlanLimits limits, UsagePeriod period) => string.Create(CultureInfo.InvariantCulture,
        $"\"burst\";q={limits.Burst};w={BurstWindowSeconds(limits)}, \"monthly\";q={limits.MonthlyQuota};w={(long)(period.End - period.Start).TotalSeconds}");

    public static string CurrentFor(RatePlanLimits limits, RateLimitDecision decision, TimeSpan untilPeriodEnd) => string.Create(CultureInfo.InvariantCulture,
        $"\"burst\";r={decision.BurstRemaining};t={Seconds(decision.BurstReset)}, \"monthly\";r={Math.Max(0, limits.MonthlyQuota - decision.MonthlyUsed)};t={Seconds(untilPeriodEnd)}");

    /// <summary>Whole seconds, rounded up: a client that waits this long is not refused for the same reason again.</summary>
    public static long Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(span.TotalSeconds);

    /// <summary>How long an empty burst takes to fill again at the sustained rate (at least one second).</summary>
    private static long BurstWindowSeconds(RatePlanLimits limits) => Math.Max(1, (limits.Burst + limits.RequestsPerSecond - 1) / limits.RequestsPerSecond);
}
