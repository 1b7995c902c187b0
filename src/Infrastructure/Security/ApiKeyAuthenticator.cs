using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using QuoinApi.Domain.ApiKeys;
#if (IncludeRatePlans)
using QuoinApi.Domain.Tenants;
#endif
using QuoinApi.Infrastructure.RateLimiting;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Security;


/// <summary>
/// Validates a presented secret. Malformed keys are refused with no I/O (format and checksum); known keys are served
/// from HybridCache (this instance's memory, then Redis, shared by every instance), so a request costs no database
/// round trip; lastUsedAt is written at most once a minute. Unknown keys are remembered too, briefly, and a look-up
/// that reaches the database first costs the client's address one unit of its unauthenticated budget, so a flood of
/// invented keys cannot reach the database. A singleton: a cache hit resolves nothing per request, and only a miss
/// leases a pooled context.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IDbContextFactory<QuoinDbContext> contexts,
    HybridCache cache,
    ClientAddressLimiter addresses,
    IOptions<ApiKeyAuthenticationOptions> options,
    TimeProvider clock)
{
    // Writes to the cache happen in the factory, with the entry's own lifetime (an unknown key's is shorter).
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    /// <summary>When this instance last recorded each key's use (the cached entries are immutable).</summary>
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastRecordedUse = new();

    public async Task<(ApiKeyCheck Check, AuthenticatedApiKey? Key)> AuthenticateAsync(
        string presented, System.Net.IPAddress? client, CancellationToken cancellationToken)
    {
        if (!IsAcceptableFormat(presented))
        {
            return (ApiKeyCheck.Malformed, null);
        }

        var hash = ApiKeySecret.HashOf(presented);
        var cacheKey = ApiKeyCache.CacheKey(hash);
        var now = clock.GetUtcNow();
        AuthenticatedApiKey key;
        try
        {
            key = await cache.GetOrCreateAsync(cacheKey, (Authenticator: this, Hash: hash, Client: client, CacheKey: cacheKey),
                static (state, ct) => state.Authenticator.LoadAndCacheAsync(state.Hash, state.Client, state.CacheKey, ct), ReadOnly,
                cancellationToken: cancellationToken);
            if (key.IsUnknown && key.ExpiresAt <= now)
            {
                // Remembered as unknown for less time than the entry lives: look again.
                await cache.RemoveAsync(cacheKey, cancellationToken);
                key = await LoadAndCacheAsync(hash, client, cacheKey, cancellationToken);
            }
        }
        catch (AddressBudgetSpentException)
        {
            return (ApiKeyCheck.Throttled, null);
        }

        if (key.IsUnknown || key.ExpiresAt <= now || key.GraceEndsAt <= now)
        {
            // Not a live key: the request spends one unit of the address's unauthenticated budget.
            return TakeFromAddressBudget(client) ? (ApiKeyCheck.Invalid, null) : (ApiKeyCheck.Throttled, null);
        }

        var lastUsed = _lastRecordedUse.TryGetValue(key.Id, out var recorded) ? recorded : key.LastUsedAt;
        if (ApiKey.ShouldRecordUse(lastUsed, now))
        {
            // Set first so concurrent requests on this instance skip the write; the WHERE clause covers other instances.
            _lastRecordedUse[key.Id] = now;
            await RecordUseAsync(key.Id, now, cancellationToken);
        }

        return (ApiKeyCheck.Valid, key);
    }

    /// <summary>
    /// One unit of the client address's unauthenticated budget, spent by every request whose key is not a known live
    /// one (an <see cref="ApiKeyCheck.Invalid"/> or <see cref="ApiKeyCheck.Throttled"/> answer has always spent it, or
    /// found it spent).
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

    /// <summary>
    /// A miss in both levels: read the database (only while the address has budget left: each unknown key then spends
    /// one unit, so look-ups of invented keys stay within the budget) and cache the answer in both levels.
    /// </summary>
    private async ValueTask<AuthenticatedApiKey> LoadAndCacheAsync(byte[] hash, System.Net.IPAddress? client, string cacheKey, CancellationToken cancellationToken)
    {
        if (!addresses.HasBudget(client))
        {
            throw new AddressBudgetSpentException();
        }

        var duration = options.Value.CacheDuration;
        var key = await LoadAsync(hash, cancellationToken);
        if (key is null)
        {
            // Marked unknown until the short deadline (checked on read); the entry itself lives the normal duration.
            key = AuthenticatedApiKey.Unknown(clock.GetUtcNow() + options.Value.UnknownKeyCacheDuration);
        }

        await cache.SetAsync(cacheKey, key, new HybridCacheEntryOptions { Expiration = duration, LocalCacheExpiration = duration },
            cancellationToken: cancellationToken);
        return key;
    }

    private async Task<AuthenticatedApiKey?> LoadAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys
            .AsNoTracking()
            .IgnoreQueryFilters([QueryFilters.Tenant])
            .Where(k => k.SecretHash == hash && k.RevokedAt == null)
#if (IncludeRatePlans)
            .Select(k => new { Key = k, Plan = db.Tenants.Where(t => t.Id == k.TenantId).Select(t => (RatePlan?)t.RatePlan).FirstOrDefault() })
            .Where(k => k.Key.TenantId == null || k.Plan != null)
            .Select(k => new AuthenticatedApiKey(k.Key.Id, k.Key.TenantId, k.Key.Scopes)
            {
                ExpiresAt = k.Key.ExpiresAt,
                GraceEndsAt = k.Key.GraceEndsAt,
                LastUsedAt = k.Key.LastUsedAt,
                Plan = k.Plan,
            })
#else
            // The soft-delete filter hides deleted tenants: a key of one matches no live tenant and is refused.
            .Where(k => k.TenantId == null || db.Tenants.Any(t => t.Id == k.TenantId))
            .Select(k => new AuthenticatedApiKey(k.Id, k.TenantId, k.Scopes)
            {
                ExpiresAt = k.ExpiresAt,
                GraceEndsAt = k.GraceEndsAt,
                LastUsedAt = k.LastUsedAt,
            })
#endif
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task RecordUseAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - ApiKey.LastUsedResolution;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiKeys
            .IgnoreQueryFilters()
            .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    /// <summary>Leaves the cache factory without caching anything when the address may not look up another key.</summary>
    private sealed class AddressBudgetSpentException : Exception;
}
