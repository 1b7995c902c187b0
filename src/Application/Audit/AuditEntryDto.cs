using Mapster;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.Audit;

/// <summary>A sealed audit entry as listed; hashes as lower-case hex so clients can verify the chain themselves.</summary>
public sealed record AuditEntryDto(
    Guid Id,
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string ResourceType,
    string? ResourceId,
    string Outcome,
    string? RequestId,
    string? TraceId,
    string Changes,
    string PreviousHash,
    string Hash);

internal sealed class AuditMappings : IRegister
{
    // Only sealed entries are listed, so sequence and hashes are present.
    public void Register(TypeAdapterConfig config) => config.NewConfig<AuditEntry, AuditEntryDto>()
        .Map(d => d.Sequence, s => s.Sequence!.Value)
        .Map(d => d.PreviousHash, s => Convert.ToHexStringLower(s.PreviousHash!))
        .Map(d => d.Hash, s => Convert.ToHexStringLower(s.Hash!));
}
