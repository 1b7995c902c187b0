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
/// <remarks>
/// An entry is <see cref="Record">recorded</see> by the command that caused it, in the command's transaction, with no
/// place in the chain yet; it is <see cref="Seal">sealed</see> (given its sequence and hash links) afterwards, in
/// transaction order, by the one sealer that runs at a time. Writers never wait for each other (ADR 0014).
/// </remarks>
public sealed class AuditEntry : Entity, ITenantOwned
{
    private AuditEntry()
    {
        Actor = Action = ResourceType = Outcome = Changes = string.Empty;
    }

    public Guid? TenantId { get; private set; }

    /// <summary>1, 2, 3... per chain, with no gaps; null until the entry is sealed.</summary>
    public long? Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The API key (key:&lt;id&gt;) or token subject that acted.</summary>
    public string Actor { get; private set; }

    /// <summary>What was attempted, e.g. <c>api_key.create</c> or <c>authorization.denied</c>.</summary>
    public string Action { get; private set; }

    public string ResourceType { get; private set; }

    public string? ResourceId { get; private set; }

    /// <summary><c>success</c> or <c>denied</c>.</summary>
    public string Outcome { get; private set; }

    public string? RequestId { get; private set; }

    public string? TraceId { get; private set; }

    /// <summary>Canonical JSON summary of the changed fields, secrets already redacted.</summary>
    public string Changes { get; private set; }

    /// <summary>The previous entry's hash (empty for the first entry of a chain); null until sealed.</summary>
    public byte[]? PreviousHash { get; private set; }

    /// <summary>Null until sealed.</summary>
    public byte[]? Hash { get; private set; }

    public bool IsSealed => Sequence is not null;

    /// <summary>Records what happened, not yet placed in its chain.</summary>
    public static AuditEntry Record(AuditRecord record, DateTimeOffset now) =>
        new()
        {
            TenantId = record.TenantId,

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
        };

    /// <summary>Places the entry in its chain after the entry whose hash is <paramref name="previousHash"/>.</summary>
    public void Seal(long sequence, byte[] previousHash)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException($"Audit entry {Id} is already sealed as sequence {Sequence}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>
    /// SHA-256 over the previous hash's bytes followed by the UTF-8 of the canonical text: tenant id (32 hex digits, or
    /// "-"), sequence, occurredAt as the API shows it, actor, action, resource type, resource id, outcome, request id,
    /// trace id and changes, joined by newlines; in each text a backslash is doubled, a newline is written as a
    /// backslash and "n", and a null as a backslash and "0".
    /// </summary>
    public byte[] ComputeHash()
    {
        if (Sequence is null || PreviousHash is null)
        {
            throw new InvalidOperationException($"Audit entry {Id} is not sealed; only sealed entries have a hash.");
        }

        var canonical = string.Join('\n',
            TenantId?.ToString("N") ?? "-",
            Sequence.Value.ToString(CultureInfo.InvariantCulture),
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
