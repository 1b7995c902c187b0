using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Tenants;
using QuoinApi.Infrastructure.RateLimiting;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Security;


/// <summary>
/// Validates a presented secret. Malformed keys are refused with no I/O (format and checksum); known keys are served
/// from a short-lived cache, so a request costs no database round trip; lastUsedAt is written at most once a minute.
/// A singleton: a cache hit resolves nothing per request, and only a miss leases a pooled context. Unknown keys are
/// remembered too, briefly, and a miss costs the client's address one unit of its unauthenticated budget first, so a
/// flood of invented keys cannot reach the database.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IDbContextFactory<QuoinDbContext> contexts,
    IMemoryCache cache,
    ClientAddressLimiter addresses,
    IOptions<ApiKeyAuthenticationOptions> options,
    TimeProvider clock)
{
    /// <summary>The cached answer for a well-formed key that matches no live key.</summary>
    private static readonly AuthenticatedApiKey Unknown = new(Guid.Empty, null, []);

    public async Task<(ApiKeyCheck Check, AuthenticatedApiKey? Key)> AuthenticateAsync(
        string presented, System.Net.IPAddress? client, CancellationToken cancellationToken)
    {
        if (!IsAcceptableFormat(presented))
        {
            return (ApiKeyCheck.Malformed, null);
        }

        var hash = ApiKeySecret.HashOf(presented);
        var cacheKey = ApiKeyCache.CacheKey(hash);
        if (!cache.TryGetValue(cacheKey, out AuthenticatedApiKey? key))
        {
            if (!TakeFromAddressBudget(client))
            {
                return (ApiKeyCheck.Throttled, null);
            }

            key = await LoadAsync(hash, cancellationToken);
            cache.Set(cacheKey, key ?? Unknown, key is null ? options.Value.UnknownKeyCacheDuration : options.Value.CacheDuration);
            if (key is null)
            {
                return (ApiKeyCheck.Invalid, null);
            }
        }
        else if (ReferenceEquals(key, Unknown))
        {
            // Known to be unknown: no query, but the request still spends the address's unauthenticated budget.
            return TakeFromAddressBudget(client) ? (ApiKeyCheck.Invalid, null) : (ApiKeyCheck.Throttled, null);
        }

        var now = clock.GetUtcNow();
        if (key!.ExpiresAt <= now || key.GraceEndsAt <= now)
        {
            return TakeFromAddressBudget(client) ? (ApiKeyCheck.Invalid, null) : (ApiKeyCheck.Throttled, null);
        }

        if (ApiKey.ShouldRecordUse(key.LastUsedAt, now))
        {
            await RecordUseAsync(key, now, cancellationToken);
        }

        return (ApiKeyCheck.Valid, key);
    }

    /// <summary>
    /// One unit of the client address's unauthenticated budget, spent by every request whose key is not a known live
    /// one (an <see cref="ApiKeyCheck.Invalid"/> or <see cref="ApiKeyCheck.Throttled"/> answer has always spent it).
    /// </summary>
    private bool TakeFromAddressBudget(System.Net.IPAddress? client)
    {
        using var lease = addresses.Acquire(client);
        return lease.IsAcquired;
    }

    private bool IsAcceptableFormat(string presented) =>
        ApiKeySecret.IsWellFormed(presented)
        || (options.Value.BootstrapSecret is { } bootstrap
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(bootstrap)));

    private async Task<AuthenticatedApiKey?> LoadAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys
            .AsNoTracking()
            .IgnoreQueryFilters([QueryFilters.Tenant])
            .Where(k => k.SecretHash == hash && k.RevokedAt == null)
            .Select(k => new { Key = k, Plan = db.Tenants.Where(t => t.Id == k.TenantId).Select(t => (RatePlan?)t.RatePlan).FirstOrDefault() })
            .Where(k => k.Key.TenantId == null || k.Plan != null)
            .Select(k => new AuthenticatedApiKey(k.Key.Id, k.Key.TenantId, k.Key.Scopes)
            {
                ExpiresAt = k.Key.ExpiresAt,
                GraceEndsAt = k.Key.GraceEndsAt,
                LastUsedAt = k.Key.LastUsedAt,
                Plan = k.Plan,
            })
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task RecordUseAsync(AuthenticatedApiKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Set first so concurrent requests on this instance skip the write; the WHERE clause covers other instances.
        key.LastUsedAt = now;
        var staleBefore = now - ApiKey.LastUsedResolution;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiKeys
            .IgnoreQueryFilters()
            .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }
}
