namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>
/// The result of <c>GET /audit-log/verify</c> (docs/http-contract.md#audit-log): <c>{valid, entries,
/// firstInvalidSequence?, pending}</c>. <c>entries</c> counts the sealed entries checked, <c>pending</c> those recorded
/// but not yet sealed into the chain (normally for under a second).
/// </summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence, long Pending);
