using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>
/// Keys in PostgreSQL, claimed inside the command's transaction. A transaction-scoped advisory lock on (tenant, key)
/// tells a duplicate that is still running (409) without blocking; the row and the command's effects commit together.
/// </summary>
internal sealed class PostgresIdempotencyStore(
    QuoinDbContext db, IOptions<IdempotencyOptions> options, ResponseProtector protector, TimeProvider clock) : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(Guid? tenantId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var tenantKey = tenantId ?? Guid.Empty;
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({"idempotency:" + tenantKey.ToString("N") + ":" + key}, 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return new IdempotencyClaim(IdempotencyClaimStatus.InFlight);
        }

        var now = clock.GetUtcNow();
        var record = await db.Set<IdempotencyRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.TenantKey == tenantKey && r.Key == key, cancellationToken);
        if (record is not null && record.ExpiresAt <= now)
        {
            // Expired but not purged yet: it no longer counts.
            await db.Set<IdempotencyRecord>().Where(r => r.TenantKey == tenantKey && r.Key == key).ExecuteDeleteAsync(cancellationToken);
            record = null;
        }

        if (record is null)
        {
            return new IdempotencyClaim(IdempotencyClaimStatus.Claimed);
        }

        if (!CryptographicOperations.FixedTimeEquals(record.RequestHash, requestHash))
        {
            return new IdempotencyClaim(IdempotencyClaimStatus.Mismatch);
        }

        return protector.TryOpen(record.Response, record.Encrypted, out var response)
            ? new IdempotencyClaim(IdempotencyClaimStatus.Replay, response)
            : new IdempotencyClaim(IdempotencyClaimStatus.Unreplayable);
    }

    /// <summary>Adds the record to the command's unit of work; it is saved with the command's last changes at commit.</summary>
    public Task CompleteAsync(
        Guid? tenantId, string key, byte[] requestHash, string requestName, byte[] response, bool containsSecret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            TenantKey = tenantId ?? Guid.Empty,
            Key = key,
            RequestHash = requestHash,
            RequestName = requestName,
            Response = containsSecret ? protector.Seal(response) : response,
            Encrypted = containsSecret,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Retention,
        });
        return Task.CompletedTask;
    }
}

/// <summary>AES-256-GCM for stored responses that carry secrets: <c>nonce(12) | tag(16) | ciphertext</c>.</summary>
internal sealed class ResponseProtector
{
    private readonly byte[] _key;

    public ResponseProtector(IOptions<IdempotencyOptions> options, ILogger<ResponseProtector> logger)
    {
        var configured = options.Value.ResponseEncryptionKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("Idempotency:ResponseEncryptionKey is not set: responses carrying secrets are encrypted with a per-process key.");
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        }
    }

    public byte[] Seal(byte[] plaintext)
    {
        var sealedBytes = new byte[12 + 16 + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        return sealedBytes;
    }

    public bool TryOpen(byte[] stored, bool encrypted, out byte[] plaintext)
    {
        plaintext = stored;
        if (!encrypted)
        {
            return true;
        }

        if (stored.Length < 28)
        {
            return false;
        }

        plaintext = new byte[stored.Length - 28];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), plaintext);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
