using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>
/// Walks the caller's sealed chain in sequence order, streaming, and recomputes every hash. The first entry whose
/// sequence skips, whose previous hash is not its predecessor's hash, or whose own hash does not recompute is reported.
/// Entries recorded but not sealed yet (their transaction committed moments ago) are counted as pending.
/// </summary>
public sealed class VerifyAuditLogHandler(IReadDbContext db) : IQueryHandler<VerifyAuditLogQuery, AuditVerification>
{
    public async Task<Result<AuditVerification>> Handle(VerifyAuditLogQuery request, CancellationToken cancellationToken)
    {
        // Pending first: an entry the sealer seals between the two reads is then counted as sealed (and perhaps as pending
        // too), never as neither, so "nothing pending" means every entry committed before this call is in the walk.
        var pending = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, cancellationToken);
        long expectedSequence = 1, count = 0;
        var previousHash = Array.Empty<byte>();
        long? firstInvalid = null;
        var sealedEntries = db.AuditEntries.Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in sealedEntries.WithCancellation(cancellationToken))
        {
            var sequence = entry.Sequence!.Value;
            if (firstInvalid is null
                && (sequence != expectedSequence
                    || !entry.PreviousHash.AsSpan().SequenceEqual(previousHash)
                    || !entry.Hash.AsSpan().SequenceEqual(entry.ComputeHash())))
            {
                firstInvalid = Math.Min(sequence, expectedSequence);
            }

            count++;
            expectedSequence = sequence + 1;
            previousHash = entry.Hash ?? [];
        }

        return new AuditVerification(firstInvalid is null, count, firstInvalid, pending);
    }
}
