using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Audit.VerifyAuditLog;

public sealed record VerifyAuditLogQuery : IQuery<AuditVerification>;

/// <summary>§3: <c>{valid, entries, firstInvalidSequence?}</c>.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence);
