namespace QuoinApi.Domain.Audit;

/// <summary>What happened, before it is placed in a chain.</summary>
public sealed record AuditRecord(
    Guid? TenantId,
    string Actor,
    string Action,
    string ResourceType,
    string? ResourceId,
    string Outcome,
    string? RequestId,
    string? TraceId,
    string Changes)
{
    public const string Success = "success";
    public const string Denied = "denied";
}
