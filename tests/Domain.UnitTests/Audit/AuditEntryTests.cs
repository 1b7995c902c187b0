using System.Security.Cryptography;
using System.Text;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Domain.UnitTests.Audit;

public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.Parse("0195f3a0-0000-7000-8000-000000000001");
    private static readonly byte[] PreviousHash = SHA256.HashData("previous"u8);

    private static readonly AuditRecord Record = new(
        TenantId, "key:0001", "api_key.create", "api_key", "0195f3a0-0000-7000-8000-0000000000aa", AuditRecord.Success,
        "req-1", "0af7651916cd43dd8448eb211c80319c", """{"sku":"SKU-1","name":"Widget"}""");

    private static AuditEntry Append(AuditRecord? record = null, long sequence = 7, byte[]? previousHash = null, DateTimeOffset? now = null) =>
        Sealed(record ?? Record, sequence, previousHash ?? PreviousHash, now ?? Now);

    /// <summary>Records, then seals, as a command and then the sealer do.</summary>
    private static AuditEntry Sealed(AuditRecord record, long sequence, byte[] previousHash, DateTimeOffset now)
    {
        var entry = AuditEntry.Record(record, now);
        entry.Seal(sequence, previousHash);
        return entry;
    }

    private static void Tamper(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    [Test]
    public void Append_copies_the_record_into_the_chain_and_hashes_it()
    {
        var entry = Append();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(entry.TenantId, Is.EqualTo(TenantId));
            Assert.That(entry.Sequence, Is.EqualTo(7));
            Assert.That(entry.OccurredAt, Is.EqualTo(Now));
            Assert.That(entry.Actor, Is.EqualTo(Record.Actor));
            Assert.That(entry.Action, Is.EqualTo(Record.Action));
            Assert.That(entry.ResourceType, Is.EqualTo(Record.ResourceType));
            Assert.That(entry.ResourceId, Is.EqualTo(Record.ResourceId));
            Assert.That(entry.Outcome, Is.EqualTo(Record.Outcome));
            Assert.That(entry.RequestId, Is.EqualTo(Record.RequestId));
            Assert.That(entry.TraceId, Is.EqualTo(Record.TraceId));
            Assert.That(entry.Changes, Is.EqualTo(Record.Changes));
            Assert.That(entry.PreviousHash, Is.EqualTo(PreviousHash));
            Assert.That(entry.Hash, Has.Length.EqualTo(32), "SHA-256");
            Assert.That(entry.Hash, Is.EqualTo(entry.ComputeHash()));
            Assert.That(entry.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void A_recorded_entry_has_no_place_in_the_chain_until_sealed()
    {
        var entry = AuditEntry.Record(Record, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.IsSealed, Is.False);
            Assert.That(entry.Sequence, Is.Null);
            Assert.That(entry.PreviousHash, Is.Null);
            Assert.That(entry.Hash, Is.Null);
            Assert.That(entry.Action, Is.EqualTo(Record.Action));
            Assert.That(entry.OccurredAt, Is.EqualTo(Now));
            Assert.That(() => entry.ComputeHash(), Throws.InvalidOperationException);
        }
    }

    [Test]
    public void Sealing_gives_the_sequence_the_link_and_the_hash()
    {
        var entry = AuditEntry.Record(Record, Now);

        entry.Seal(7, PreviousHash);

        Assert.That(entry.IsSealed, Is.True);
        Assert.That(entry.Sequence, Is.EqualTo(7));
        Assert.That(entry.PreviousHash, Is.EqualTo(PreviousHash));
        Assert.That(entry.Hash, Is.EqualTo(Append().Hash), "the same entry recorded then sealed hashes as one built sealed");
    }

    [Test]
    public void An_entry_is_sealed_once()
    {
        var entry = Append();

        Assert.That(() => entry.Seal(8, PreviousHash), Throws.InvalidOperationException);
        Assert.That(entry.Sequence, Is.EqualTo(7));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Sequences_start_at_one(long sequence) =>
        Assert.That(() => AuditEntry.Record(Record, Now).Seal(sequence, []), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void The_first_entry_of_a_chain_links_to_an_empty_hash()
    {
        var entry = Sealed(Record, 1, [], Now);

        Assert.That(entry.PreviousHash, Is.Empty);
        Assert.That(entry.Hash, Is.EqualTo(entry.ComputeHash()));
    }

    [Test]
    public void The_hash_is_deterministic()
    {
        var first = Append();
        var second = Append();

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        Assert.That(second.Hash, Is.EqualTo(first.Hash));
        Assert.That(second.ComputeHash(), Is.EqualTo(first.Hash));
    }

    [Test]
    public void The_hash_is_sha256_over_the_previous_hash_and_the_canonical_fields()
    {
        var entry = Append(Record with { ResourceId = null, TraceId = "line1\nline2\\end" });
        var canonical = string.Join('\n',
            TenantId.ToString("N"), "7", "2026-03-02T09:30:00.000Z",
            "key:0001", "api_key.create", "api_key", "\\0", "success", "req-1", "line1\\nline2\\\\end", Record.Changes);

        Assert.That(entry.Hash, Is.EqualTo(SHA256.HashData([.. PreviousHash, .. Encoding.UTF8.GetBytes(canonical)])));
    }

    private static IEnumerable<TestCaseData> ChangedRecords()
    {
        yield return new TestCaseData(Record with { TenantId = Guid.Parse("0195f3a0-0000-7000-8000-000000000002") }).SetArgDisplayNames("tenant");
        yield return new TestCaseData(Record with { TenantId = null }).SetArgDisplayNames("no tenant");
        yield return new TestCaseData(Record with { Actor = "key:0002" }).SetArgDisplayNames("actor");
        yield return new TestCaseData(Record with { Action = "api_key.revoke" }).SetArgDisplayNames("action");
        yield return new TestCaseData(Record with { ResourceType = "tenant" }).SetArgDisplayNames("resource type");
        yield return new TestCaseData(Record with { ResourceId = "0195f3a0-0000-7000-8000-0000000000ab" }).SetArgDisplayNames("resource id");
        yield return new TestCaseData(Record with { ResourceId = null }).SetArgDisplayNames("no resource id");
        yield return new TestCaseData(Record with { Outcome = AuditRecord.Denied }).SetArgDisplayNames("outcome");
        yield return new TestCaseData(Record with { RequestId = "req-2" }).SetArgDisplayNames("request id");
        yield return new TestCaseData(Record with { RequestId = null }).SetArgDisplayNames("no request id");
        yield return new TestCaseData(Record with { TraceId = "0af7651916cd43dd8448eb211c80319d" }).SetArgDisplayNames("trace id");
        yield return new TestCaseData(Record with { TraceId = null }).SetArgDisplayNames("no trace id");
        yield return new TestCaseData(Record with { Changes = """{"sku":"SKU-1","name":"Widget "}""" }).SetArgDisplayNames("changes");
        yield return new TestCaseData(Record with { Actor = "KEY:0001" }).SetArgDisplayNames("case");
    }

    [TestCaseSource(nameof(ChangedRecords))]
    public void The_hash_changes_when_a_field_changes(AuditRecord changed) =>
        Assert.That(Append(changed).Hash, Is.Not.EqualTo(Append().Hash));

    [Test]
    public void The_hash_changes_with_the_previous_hash()
    {
        var otherPrevious = (byte[])PreviousHash.Clone();
        otherPrevious[^1] ^= 1;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Append(previousHash: otherPrevious).Hash, Is.Not.EqualTo(Append().Hash));
            Assert.That(Append(previousHash: []).Hash, Is.Not.EqualTo(Append().Hash));
        }
    }

    [Test]
    public void The_hash_changes_with_the_sequence() =>
        Assert.That(Append(sequence: 8).Hash, Is.Not.EqualTo(Append(sequence: 7).Hash));

    [Test]
    public void The_hash_changes_with_the_time_to_the_millisecond() =>
        Assert.That(Append(now: Now.AddMilliseconds(1)).Hash, Is.Not.EqualTo(Append().Hash));

    [TestCase(1)]
    [TestCase(5_000)]
    [TestCase(9_999)]
    public void The_time_is_truncated_to_milliseconds_as_the_api_shows_it(int ticks)
    {
        var entry = Append(now: Now.AddTicks(ticks));

        Assert.That(entry.OccurredAt, Is.EqualTo(Now));
        Assert.That(entry.OccurredAt.UtcTicks % TimeSpan.TicksPerMillisecond, Is.Zero);
        Assert.That(entry.Hash, Is.EqualTo(Append().Hash));
    }

    [Test]
    public void The_time_is_stored_in_utc_and_the_offset_does_not_change_the_hash()
    {
        var entry = Append(now: Now.ToOffset(TimeSpan.FromHours(-5)).AddTicks(3));

        Assert.That(entry.OccurredAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(entry.OccurredAt, Is.EqualTo(Now));
        Assert.That(entry.Hash, Is.EqualTo(Append().Hash));
    }

    [Test]
    public void A_row_read_back_from_storage_recomputes_the_same_hash()
    {
        var entry = Append(now: Now.AddTicks(12_345));

        // PostgreSQL hands back the stored milliseconds exactly; recomputing from them must give the stored hash.
        Tamper(entry, nameof(AuditEntry.OccurredAt), new DateTimeOffset(entry.OccurredAt.UtcTicks, TimeSpan.Zero));

        Assert.That(entry.ComputeHash(), Is.EqualTo(entry.Hash));
    }

    [TestCase(nameof(AuditEntry.Actor), "key:attacker")]
    [TestCase(nameof(AuditEntry.Action), "api_key.read")]
    [TestCase(nameof(AuditEntry.ResourceType), "tenant")]
    [TestCase(nameof(AuditEntry.ResourceId), null)]
    [TestCase(nameof(AuditEntry.Outcome), AuditRecord.Denied)]
    [TestCase(nameof(AuditEntry.RequestId), "req-forged")]
    [TestCase(nameof(AuditEntry.TraceId), null)]
    [TestCase(nameof(AuditEntry.Changes), "{}")]
    [TestCase(nameof(AuditEntry.Sequence), 6L)]
    public void A_field_edited_in_storage_no_longer_matches_the_stored_hash(string property, object? value)
    {
        var entry = Append();

        Tamper(entry, property, value);

        Assert.That(entry.ComputeHash(), Is.Not.EqualTo(entry.Hash));
    }

    [Test]
    public void Edits_of_the_tenant_time_or_link_in_storage_no_longer_match_the_stored_hash()
    {
        foreach (var (property, value) in new (string, object?)[]
        {
            (nameof(AuditEntry.TenantId), null),
            (nameof(AuditEntry.TenantId), Guid.CreateVersion7()),
            (nameof(AuditEntry.OccurredAt), Now.AddSeconds(-1)),
            (nameof(AuditEntry.PreviousHash), Array.Empty<byte>()),
        })
        {
            var entry = Append();

            Tamper(entry, property, value);

            Assert.That(entry.ComputeHash(), Is.Not.EqualTo(entry.Hash), property);
        }
    }

    // Records whose fields, joined naively with '\n', give the same text: the escaping must keep them apart.
    private static IEnumerable<TestCaseData> NaivelyEqualPairs()
    {
        yield return new TestCaseData(
            Record with { Actor = "key:0001\napi_key.create", Action = "api_key" },
            Record with { Actor = "key:0001", Action = "api_key.create\napi_key" }).SetArgDisplayNames("newline moves a field boundary");
        yield return new TestCaseData(
            Record with { RequestId = "req-1\n0af7", TraceId = "651916" },
            Record with { RequestId = "req-1", TraceId = "0af7\n651916" }).SetArgDisplayNames("newline between request and trace");
        yield return new TestCaseData(
            Record with { TraceId = "t\n{}", Changes = "x" },
            Record with { TraceId = "t", Changes = "{}\nx" }).SetArgDisplayNames("newline into the changes");
        yield return new TestCaseData(
            Record with { Changes = "{\"note\":\"a\\nb\"}" },
            Record with { Changes = "{\"note\":\"a\nb\"}" }).SetArgDisplayNames("json escape against a raw newline");
        yield return new TestCaseData(
            Record with { Actor = "a\\n", Action = "b" },
            Record with { Actor = "a\n", Action = "b" }).SetArgDisplayNames("escaped newline against a real one");
        yield return new TestCaseData(
            Record with { ResourceId = null },
            Record with { ResourceId = "\\0" }).SetArgDisplayNames("null against the null marker");
        yield return new TestCaseData(
            Record with { ResourceId = null },
            Record with { ResourceId = string.Empty }).SetArgDisplayNames("null against empty");
    }

    [TestCaseSource(nameof(NaivelyEqualPairs))]
    public void Fields_with_newlines_or_backslashes_cannot_collide_with_another_split(AuditRecord left, AuditRecord right)
    {
        static string Naive(AuditRecord r) => string.Join('\n', r.Actor, r.Action, r.ResourceType, r.ResourceId, r.Outcome, r.RequestId, r.TraceId, r.Changes);
        static string NaiveEscaped(AuditRecord r) => string.Join('\n', new[] { r.Actor, r.Action, r.ResourceType, r.ResourceId, r.Outcome, r.RequestId, r.TraceId, r.Changes }
            .Select(v => v is null ? "\\0" : v.Replace("\n", "\\n", StringComparison.Ordinal)));
        Assert.That(left, Is.Not.EqualTo(right));
        Assert.That(Naive(left) == Naive(right) || NaiveEscaped(left) == NaiveEscaped(right), Is.True,
            "the pair must collide without (full) escaping, or it proves nothing");

        Assert.That(Append(left).Hash, Is.Not.EqualTo(Append(right).Hash));
    }

    [Test]
    public void A_chain_links_each_entry_to_the_previous_hash()
    {
        var first = Sealed(Record, 1, [], Now);
        var second = Sealed(Record with { Action = "api_key.revoke" }, 2, first.Hash!, Now.AddSeconds(1));
        var third = Sealed(Record with { Action = "api_key.rotate" }, 3, second.Hash!, Now.AddSeconds(2));

        Assert.That(second.PreviousHash, Is.EqualTo(first.Hash));
        Assert.That(third.PreviousHash, Is.EqualTo(second.Hash));
        Assert.That(new[] { first.Hash!, second.Hash!, third.Hash! }.Select(Convert.ToHexString), Is.Unique);
    }

    [Test]
    public void The_same_record_in_another_position_of_the_chain_has_another_hash()
    {
        var first = Sealed(Record, 1, [], Now);
        var replayed = Sealed(Record, 2, first.Hash!, Now);

        Assert.That(replayed.Hash, Is.Not.EqualTo(first.Hash));
    }
}
