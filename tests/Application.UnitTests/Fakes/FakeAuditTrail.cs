using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Records what would be appended to the audit chain; writes "audit.append" / "audit.denied" to a shared journal.</summary>
public sealed class FakeAuditTrail(List<string>? journal = null) : IAuditTrail
{
    public List<string> Journal { get; } = journal ?? [];

    /// <summary>Appended inside the command's transaction.</summary>
    public List<AuditRecord> Appended { get; } = [];

    /// <summary>Appended in a transaction of their own.</summary>
    public List<AuditRecord> Denied { get; } = [];

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Appended.Add(record);
        Journal.Add("audit.append");
        return Task.CompletedTask;
    }

    public Task AppendDeniedAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Denied.Add(record);
        Journal.Add("audit.denied");
        return Task.CompletedTask;
    }
}
