using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Audit;

/// <summary>
/// One tamper-evident audit record. Entries of a tenant form a hash chain: each <see cref="Hash"/> covers the previous
/// entry's hash and this entry's canonical form, so editing or deleting any entry breaks every hash after it.
/// Platform-level entries (no tenant) form their own chain.
/// </summary>
public sealed class AuditEntry : Entity, ITenantOwned
{
    private AuditEntry()
    {
        Actor = Action = ResourceType = Outcome = Changes = string.Empty;
        PreviousHash = Hash = [];
    }

    public Guid? TenantId { get; private set; }

    /// <summary>1, 2, 3... per chain, with no gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The API key (key:&lt;id&gt;) or token subject that acted.</summary>
    public string Actor { get; private set; }

    /// <summary>What was attempted, e.g. <c>product.create</c> or <c>authorization.denied</c>.</summary>
    public string Action { get; private set; }

    public string ResourceType { get; private set; }

    public string? ResourceId { get; private set; }

    /// <summary><c>success</c> or <c>denied</c>.</summary>
    public string Outcome { get; private set; }

    public string? RequestId { get; private set; }

    public string? TraceId { get; private set; }

    /// <summary>Canonical JSON summary of the changed fields, secrets already redacted.</summary>
    public string Changes { get; private set; }

    public byte[] PreviousHash { get; private set; }

    public byte[] Hash { get; private set; }

    /// <summary>Appends a new entry after <paramref name="previousHash"/> (empty for the first entry of a chain).</summary>
    public static AuditEntry Append(AuditRecord record, long sequence, byte[] previousHash, DateTimeOffset now)
    {
        var entry = new AuditEntry
        {
            TenantId = record.TenantId,
            Sequence = sequence,

            // Milliseconds: what the API shows (and PostgreSQL stores exactly), so anyone can recompute the hash.
            OccurredAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            Actor = record.Actor,
            Action = record.Action,
            ResourceType = record.ResourceType,
            ResourceId = record.ResourceId,
            Outcome = record.Outcome,
            RequestId = record.RequestId,
            TraceId = record.TraceId,
            Changes = record.Changes,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>
    /// SHA-256 over the previous hash's bytes followed by the UTF-8 of the canonical text: tenant id (32 hex digits, or
    /// "-"), sequence, occurredAt as the API shows it, actor, action, resource type, resource id, outcome, request id,
    /// trace id and changes, joined by newlines; in each text a backslash is doubled, a newline is written as a
    /// backslash and "n", and a null as a backslash and "0".
    /// </summary>
    public byte[] ComputeHash()
    {
        var canonical = string.Join('\n',
            TenantId?.ToString("N") ?? "-",
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Escape(Actor), Escape(Action), Escape(ResourceType), Escape(ResourceId), Escape(Outcome),
            Escape(RequestId), Escape(TraceId), Escape(Changes));
        var content = Encoding.UTF8.GetBytes(canonical);
        var buffer = new byte[PreviousHash.Length + content.Length];
        PreviousHash.CopyTo(buffer, 0);
        content.CopyTo(buffer, PreviousHash.Length);
        return SHA256.HashData(buffer);
    }

    private static string Escape(string? value) =>
        value is null ? "\\0" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

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
