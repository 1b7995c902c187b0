using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>
/// Walks the caller's chain in sequence order, streaming, and recomputes every hash. The first entry whose sequence
/// skips, whose previous hash is not its predecessor's hash, or whose own hash does not recompute is reported.
/// </summary>
public sealed class VerifyAuditLogHandler(IReadDbContext db) : IQueryHandler<VerifyAuditLogQuery, AuditVerification>
{
    public async Task<Result<AuditVerification>> Handle(VerifyAuditLogQuery request, CancellationToken cancellationToken)
    {
        long expectedSequence = 1, count = 0;
        var previousHash = Array.Empty<byte>();
        long? firstInvalid = null;
        await foreach (var entry in db.AuditEntries.OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (firstInvalid is null
                && (entry.Sequence != expectedSequence || !entry.PreviousHash.AsSpan().SequenceEqual(previousHash) || !entry.Hash.AsSpan().SequenceEqual(entry.ComputeHash())))
            {
                firstInvalid = Math.Min(entry.Sequence, expectedSequence);
            }

            count++;
            expectedSequence = entry.Sequence + 1;
            previousHash = entry.Hash;
        }

        return new AuditVerification(firstInvalid is null, count, firstInvalid);
    }
}
