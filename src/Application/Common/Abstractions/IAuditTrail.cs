using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// The tamper-evident audit log (a hash chain per tenant). Appending records the entry; it joins its chain (sequence and
/// hash links) shortly after its transaction commits, in commit order.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends inside the current command transaction: the entry commits with the command's effects, or not at all.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends in a transaction of its own, for denials, which have no effects to commit with.</summary>
    Task AppendDeniedAsync(AuditRecord record, CancellationToken cancellationToken);
}
