using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Audit.VerifyAuditLog;

public sealed record VerifyAuditLogQuery : IQuery<AuditVerification>;
