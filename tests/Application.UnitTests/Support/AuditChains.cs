using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.UnitTests.Support;

/// <summary>
/// Audit hash chains recorded and sealed as the real audit trail and sealer build them, seeded straight
/// into the store's committed rows, and tampered with as an attacker editing the table would.
/// </summary>
internal static class AuditChains
{
    public static AuditRecord Record(
        Guid? tenantId, string action = "product.create", string? resourceId = null, string actor = "key:test", string outcome = AuditRecord.Success) =>
        new(tenantId, actor, action, action.Split('.')[0], resourceId, outcome, "req-1", null, "{}");

    /// <summary>
    /// Appends <paramref name="count"/> entries to the tenant's chain (continuing it if it has entries), from
    /// <paramref name="start"/> (default <see cref="HandlerTestContext.Now"/>), one every <paramref name="interval"/>
    /// (default a minute; zero for entries at the same instant).
    /// </summary>
    public static List<AuditEntry> SeedAuditChain(
        this HandlerTestContext context, Guid? tenantId, int count, DateTimeOffset? start = null, Func<int, AuditRecord>? record = null, TimeSpan? interval = null)
    {
        var chain = context.Store.AuditEntries.Where(e => e.TenantId == tenantId).OrderBy(e => e.Sequence).ToList();
        var added = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var previous = chain.Count == 0 ? null : chain[^1];
            var entry = Sealed(
                record?.Invoke(i) ?? Record(tenantId, resourceId: $"res-{i}"),
                (previous?.Sequence ?? 0) + 1,
                previous?.Hash ?? [],
                (start ?? HandlerTestContext.Now) + ((interval ?? TimeSpan.FromMinutes(1)) * i));
            chain.Add(entry);
            added.Add(entry);
            context.Store.AuditEntries.Add(entry);
        }

        return added;
    }

    /// <summary>Records, then seals, as a command and then the sealer do.</summary>
    public static AuditEntry Sealed(AuditRecord record, long sequence, byte[] previousHash, DateTimeOffset now)
    {
        var entry = AuditEntry.Record(record, now);
        entry.Seal(sequence, previousHash);
        return entry;
    }

    /// <summary>Sets a member through its private setter, without recomputing the hash.</summary>
    public static void Tamper(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    /// <summary>Edits a member and recomputes the row's own hash, as an attacker who knows the algorithm would.</summary>
    public static void TamperAndRehash(AuditEntry entry, string property, object? value)
    {
        Tamper(entry, property, value);
        Tamper(entry, nameof(AuditEntry.Hash), entry.ComputeHash());
    }
}
