using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// Whose budget a request draws from: the tenant (all its keys and tokens share one), on its plan, and the key whose
/// usage it counts (<see cref="Domain.ApiKeys.ApiKeyDailyUsage.TokenTraffic"/> for bearer tokens). Built once per
/// cached credential, so an authenticated request allocates none; a plan change evicts the credential and so this.
/// </summary>
public sealed class RateLimitedCaller(Guid tenantId, Guid apiKeyId, RatePlan plan)
{
    private UsageField? _usageField;

    public Guid TenantId { get; } = tenantId;

    public Guid ApiKeyId { get; } = apiKeyId;

    public RatePlan Plan { get; } = plan;

    /// <summary>The Redis key of the tenant's burst state; the hash tag keeps a tenant's keys on one slot.</summary>
    internal string BurstKey { get; } = "quoin:rl:{" + tenantId.ToString("N") + "}";

    /// <summary>The key, tenant and day of a usage counter (<c>key:tenant:yyyyMMdd:</c>), made once a day per caller.</summary>
    internal string UsageFieldFor(DateOnly day)
    {
        var field = _usageField;
        if (field is null || field.Day != day)
        {
            field = new UsageField(day, UsageKey.Format(ApiKeyId, TenantId, day));
            _usageField = field;
        }

        return field.Prefix;
    }

    private sealed record UsageField(DateOnly Day, string Prefix);
}
