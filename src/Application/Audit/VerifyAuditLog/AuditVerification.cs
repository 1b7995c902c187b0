namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>The check of the caller's audit chain: whether it holds, how many entries it has, and the first that does not.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence);
