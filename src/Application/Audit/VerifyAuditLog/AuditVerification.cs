namespace QuoinApi.Application.Audit.VerifyAuditLog;

/// <summary>
/// The check of the caller's audit chain: whether it holds, how many sealed entries it has, the first that does not,
/// and how many recorded entries still wait to be sealed into it (normally for under a second).
/// </summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSequence, long Pending);
