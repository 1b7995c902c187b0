namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>
/// <c>{valid, entries, firstInvalidSequence?, pending}</c>: <c>entries</c> counts the sealed entries checked,
/// <c>pending</c> those recorded but not yet sealed into the chain (normally for under a second).
/// </summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence, long Pending);
