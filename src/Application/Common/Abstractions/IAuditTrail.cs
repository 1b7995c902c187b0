using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.Common.Abstractions;

/// <summary>The tamper-evident audit log (a hash chain per tenant).</summary>
public interface IAuditTrail
{
    /// <summary>Appends inside the current command transaction: the entry commits with the command's effects.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends in a transaction of its own, for denials, which have no effects to commit with.</summary>
    Task AppendDeniedAsync(AuditRecord record, CancellationToken cancellationToken);
}
