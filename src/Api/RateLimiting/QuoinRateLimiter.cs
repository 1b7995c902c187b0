using System.Threading.RateLimiting;
#if (IncludeRatePlans)
using Microsoft.Extensions.Options;
using QuoinApi.Application.RatePlans;
using QuoinApi.Application.Usage;
#endif
using QuoinApi.Infrastructure.RateLimiting;

namespace QuoinApi.Api.RateLimiting;

#if (IncludeRatePlans)
/// <summary>
/// The global limiter of ASP.NET Core's rate-limiting middleware, partitioned by who calls: a tenant's requests draw
/// from the tenant's shared budget (<see cref="TenantRateLimiter"/>, one Redis script per request) and carry the
/// rate-limit headers; unauthenticated requests to the API draw from their address's budget
/// (<see cref="ClientAddressLimiter"/>); platform administrators and the operations endpoints are not limited.
/// </summary>
internal sealed class QuoinRateLimiter(TenantRateLimiter tenants, ClientAddressLimiter addresses, IOptions<RatePlanOptions> plans, TimeProvider clock)
    : PartitionedRateLimiter<HttpContext>
#else
/// <summary>
/// The global limiter of ASP.NET Core's rate-limiting middleware: unauthenticated requests to the API draw from their
/// address's budget (<see cref="ClientAddressLimiter"/>); authenticated callers and the operations endpoints are not
/// limited.
/// </summary>
internal sealed class QuoinRateLimiter(ClientAddressLimiter addresses) : PartitionedRateLimiter<HttpContext>
#endif
{
    /// <summary>Set by authentication when a credential look-up already spent (or was refused) the address's budget.</summary>
    internal static readonly object AddressCharged = new();
#if (IncludeRatePlans)

    private readonly PolicyCache[] _policies = new PolicyCache[Enum.GetValues<Domain.Tenants.RatePlan>().Length];
#endif

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    // The middleware tries this first and, when it is not acquired, awaits AcquireAsync: the decision is made there,
    // once (a tenant's needs Redis).
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => Leases.NotYet;

#if (IncludeRatePlans)
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (resource.Features.Get<RateLimitedCaller>() is { } caller)
        {
            return await AcquireForTenantAsync(resource, caller);
        }

        return AcquireForAddress(resource);
    }
#else
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AcquireForAddress(resource));
#endif

    private RateLimitLease AcquireForAddress(HttpContext resource)
    {
        if (resource.User.Identity?.IsAuthenticated == true || !resource.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Leases.Unlimited;
        }

        if (resource.Items.TryGetValue(AddressCharged, out var refused))
        {
            return refused is true ? Leases.AddressRefused : Leases.Unlimited;
        }

        var lease = addresses.Acquire(resource.Connection.RemoteIpAddress);
        var acquired = lease.IsAcquired;
        lease.Dispose();
        return acquired ? Leases.Unlimited : Leases.AddressRefused;
    }
#if (IncludeRatePlans)

    private async ValueTask<RateLimitLease> AcquireForTenantAsync(HttpContext context, RateLimitedCaller caller)
    {
        var decision = await tenants.AcquireAsync(caller);
        var limits = plans.Value.For(caller.Plan);
        var now = clock.GetUtcNow();
        var period = UsagePeriod.Containing(now);
        var headers = context.Response.Headers;
        headers[RateLimitHeaders.Policy] = PolicyFor(caller.Plan, limits, period);
        headers[RateLimitHeaders.Current] = RateLimitHeaders.CurrentFor(limits, decision, period.End - now);
        return decision.Allowed ? Leases.Unlimited : new RefusedLease(decision);
    }

    /// <summary>The policy text changes only with the plan and the month: made once per plan and month.</summary>
    private string PolicyFor(Domain.Tenants.RatePlan plan, RatePlanLimits limits, UsagePeriod period)
    {
        var cached = _policies[(int)plan];
        if (cached is null || cached.Period != period)
        {
            cached = new PolicyCache(period, RateLimitHeaders.PolicyFor(limits, period));
            _policies[(int)plan] = cached;
        }

        return cached.Text;
    }

    private sealed record PolicyCache(UsagePeriod Period, string Text);
#endif
}
