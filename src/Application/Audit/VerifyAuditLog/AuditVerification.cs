namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>The result of <c>GET /audit-log/verify</c>: <c>{valid, entries, firstInvalidSequence?}</c> (docs/http-contract.md#audit-log).</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence);
