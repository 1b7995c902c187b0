using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

/// <summary>
/// A credential for machine clients. Only the SHA-256 hash of the secret and a display prefix are kept.
/// Platform keys (the bootstrap administrator) belong to no tenant, so the tenant filter never shows them.
/// </summary>
public sealed class ApiKey : Entity, ITenantOwned, ISoftDeletable, IAuditable
{
    public const int NameMaxLength = 100;
    public static readonly TimeSpan DefaultRotationGrace = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRotationGrace = TimeSpan.FromDays(7);

    /// <summary>lastUsedAt is written at most this often, so authentication stays a cache hit, not a write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private ApiKey(Guid? tenantId, string name, string prefix, byte[] secretHash, string[] scopes, DateTimeOffset? expiresAt)
    {
        TenantId = tenantId;
        Name = name;
        Prefix = prefix;
        SecretHash = secretHash;
        Scopes = scopes;
        ExpiresAt = expiresAt;
    }

    public Guid? TenantId { get; private set; }

    public string Name { get; private set; }

    public string Prefix { get; private set; }

    public byte[] SecretHash { get; private set; }

    public string[] Scopes { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Set when the key was rotated: the key that replaces it.</summary>
    public Guid? ReplacedByKeyId { get; private set; }

    /// <summary>Set when the key was rotated: it keeps working until then.</summary>
    public DateTimeOffset? GraceEndsAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Issues a new key. The returned secret is the only copy of the plaintext.</summary>
    public static (ApiKey Key, ApiKeySecret Secret) Issue(
        Guid? tenantId, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt, ApiKeyEnvironment environment, DateTimeOffset now)
    {
        var secret = ApiKeySecret.Generate(environment);
        var key = new ApiKey(tenantId, name.Trim(), secret.DisplayPrefix, secret.Hash(), NormalizeScopes(scopes), expiresAt);
        key.RecordCreated(now);
        key.Raise(new ApiKeyCreated(key.Id, tenantId, now));
        return (key, secret);
    }

    /// <summary>The platform administrator key whose secret comes from configuration (the bootstrap administrator).</summary>
    public static ApiKey Bootstrap(string secret)
    {
        if (secret.Length < ApiKeySecret.BootstrapMinLength)
        {
            throw new ArgumentException($"The bootstrap key needs at least {ApiKeySecret.BootstrapMinLength} characters.", nameof(secret));
        }

        return new ApiKey(null, "Bootstrap administrator", ApiKeySecret.DisplayPrefixOf(secret), ApiKeySecret.HashOf(secret), [Common.Scopes.PlatformAdmin], null);
    }

    public ApiKeyState StateAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } or { DeletedAt: not null } => ApiKeyState.Revoked,
        { ExpiresAt: { } expiresAt } when expiresAt <= now => ApiKeyState.Expired,
        { GraceEndsAt: { } graceEndsAt } when graceEndsAt <= now => ApiKeyState.Expired,
        _ => ApiKeyState.Active,
    };

    public bool HasScopes(IEnumerable<string> scopes) => scopes.All(s => Scopes.Contains(s, StringComparer.Ordinal));

    /// <summary>
    /// Replaces this key with a new one holding the same name, scopes and expiry. This key keeps working until the
    /// grace period ends, so clients can roll the new secret out without downtime.
    /// </summary>
    public Result<(ApiKey Key, ApiKeySecret Secret)> Rotate(TimeSpan gracePeriod, ApiKeyEnvironment environment, DateTimeOffset now)
    {
        if (StateAt(now) != ApiKeyState.Active)
        {
            return Error.Conflict("api_key.not_active", "Only an active key can be rotated.");
        }

        if (ReplacedByKeyId is not null)
        {
            return Error.Conflict("api_key.already_rotated", "The key was already rotated; rotate its replacement instead.");
        }

        if (gracePeriod < TimeSpan.Zero || gracePeriod > MaxRotationGrace)
        {
            throw new ArgumentOutOfRangeException(nameof(gracePeriod));
        }

        var (replacement, secret) = Issue(TenantId, Name, Scopes, ExpiresAt, environment, now);
        ReplacedByKeyId = replacement.Id;
        GraceEndsAt = now + gracePeriod;
        this.RecordChanged(now);
        Raise(new ApiKeyRotated(Id, replacement.Id, TenantId, GraceEndsAt.Value, now));
        return (replacement, secret);
    }

    /// <summary>Revokes at once; the key disappears from the API like any soft-deleted resource.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        DeletedAt = now;
        this.RecordChanged(now);
        Raise(new ApiKeyRevoked(Id, TenantId, now));
    }

    /// <summary>True when <see cref="LastUsedAt"/> is stale enough that this use should be recorded.</summary>
    public static bool ShouldRecordUse(DateTimeOffset? lastUsedAt, DateTimeOffset now) =>
        lastUsedAt is null || now - lastUsedAt.Value >= LastUsedResolution;

    private static string[] NormalizeScopes(IEnumerable<string> scopes) =>
        [.. scopes.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
