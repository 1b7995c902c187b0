using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Security;


/// <summary>
/// Validates a presented secret. Malformed keys are refused with no I/O (format and checksum); known keys are served
/// from a short-lived cache, so a request costs no database round trip; lastUsedAt is written at most once a minute.
/// A singleton: a cache hit resolves nothing per request, and only a miss leases a pooled context.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IDbContextFactory<QuoinDbContext> contexts, IMemoryCache cache, IOptions<ApiKeyAuthenticationOptions> options, TimeProvider clock)
{
    public async Task<(ApiKeyCheck Check, AuthenticatedApiKey? Key)> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!IsAcceptableFormat(presented))
        {
            return (ApiKeyCheck.Malformed, null);
        }

        var hash = ApiKeySecret.HashOf(presented);
        var cacheKey = ApiKeyCache.CacheKey(hash);
        if (!cache.TryGetValue(cacheKey, out AuthenticatedApiKey? key))
        {
            key = await LoadAsync(hash, cancellationToken);
            if (key is null)
            {
                return (ApiKeyCheck.Invalid, null);
            }

            cache.Set(cacheKey, key, options.Value.CacheDuration);
        }

        var now = clock.GetUtcNow();
        if (key!.ExpiresAt <= now || key.GraceEndsAt <= now)
        {
            return (ApiKeyCheck.Invalid, null);
        }

        if (ApiKey.ShouldRecordUse(key.LastUsedAt, now))
        {
            await RecordUseAsync(key, now, cancellationToken);
        }

        return (ApiKeyCheck.Valid, key);
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
            .Where(k => k.TenantId == null || db.Tenants.Any(t => t.Id == k.TenantId))
            .Select(k => new AuthenticatedApiKey(k.Id, k.TenantId, k.Scopes)
            {
                ExpiresAt = k.ExpiresAt,
                GraceEndsAt = k.GraceEndsAt,
                LastUsedAt = k.LastUsedAt,
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
