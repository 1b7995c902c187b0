namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>§3: <c>{valid, entries, firstInvalidSequence?}</c>.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence);
