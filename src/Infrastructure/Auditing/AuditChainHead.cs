namespace QuoinApi.Infrastructure.Auditing;

/// <summary>
/// Where a chain ends: the sequence and hash of its last sealed entry, so the sealer links the next entry without
/// searching the log. Bookkeeping of the sealer, not a domain concept; the platform chain is keyed by <see cref="Guid.Empty"/>.
/// </summary>
internal sealed class AuditChainHead
{
    private AuditChainHead()
    {
        Hash = [];
    }

    public AuditChainHead(Guid chain)
        : this() => Chain = chain;

    public Guid Chain { get; private set; }

    /// <summary>The last sealed sequence; 0 for a chain with no entry yet.</summary>
    public long Sequence { get; private set; }

    /// <summary>The last sealed entry's hash; empty for a chain with no entry yet.</summary>
    public byte[] Hash { get; private set; }

    public static Guid ChainOf(Guid? tenantId) => tenantId ?? Guid.Empty;

    public void Advance(long sequence, byte[] hash)
    {
        Sequence = sequence;
        Hash = hash;
    }
}
