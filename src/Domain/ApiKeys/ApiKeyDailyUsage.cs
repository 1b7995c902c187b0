using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

/// <summary>
/// One key's traffic on one UTC day: requests served and requests refused by the rate limiter or the quota. Rows are
/// written in batches by the usage flusher, never by a request. Traffic of bearer tokens, which are no key, is counted
/// under <see cref="TokenTraffic"/>.
/// </summary>
public sealed class ApiKeyDailyUsage : ITenantOwned
{
    /// <summary>The key id that stands for a tenant's bearer-token traffic: it shows in the tenant's usage, under no key.</summary>
    public static readonly Guid TokenTraffic = Guid.Empty;

    public ApiKeyDailyUsage(Guid tenantId, Guid apiKeyId, DateOnly date, long requests, long throttled)
    {
        TenantId = tenantId;
        ApiKeyId = apiKeyId;
        Date = date;
        Requests = requests;
        Throttled = throttled;
    }

    // For the persistence layer, which sets the properties itself.
    private ApiKeyDailyUsage()
    {
    }

    public Guid? TenantId { get; private set; }

    public Guid ApiKeyId { get; private set; }

    public DateOnly Date { get; private set; }

    public long Requests { get; private set; }

    public long Throttled { get; private set; }
}
