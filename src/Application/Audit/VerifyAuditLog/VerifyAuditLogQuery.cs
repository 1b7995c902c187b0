using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Audit.VerifyAuditLog;

public sealed record VerifyAuditLogQuery : IQuery<AuditVerification>;

/// <summary>
/// <c>{valid, entries, firstInvalidSequence?, pending}</c>: <c>entries</c> counts the sealed entries checked,
/// <c>pending</c> those recorded but not yet sealed into the chain (normally for under a second).
/// </summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence, long Pending);
