using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>
/// Keys in PostgreSQL, claimed inside the command's transaction. A transaction-scoped advisory lock on (tenant, key)
/// tells a duplicate that is still running (409) without blocking; the row and the command's effects commit together.
/// The lock must last until the commit, so a claim starts the command's explicit transaction (ADR 0015).
/// </summary>
internal sealed class PostgresIdempotencyStore(
    QuoinDbContext db, TransactionManager transactions, IOptions<IdempotencyOptions> options, ResponseProtector protector, TimeProvider clock)
    : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(Guid? tenantId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var tenantKey = tenantId ?? Guid.Empty;
        await transactions.StartAsync(cancellationToken);
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
