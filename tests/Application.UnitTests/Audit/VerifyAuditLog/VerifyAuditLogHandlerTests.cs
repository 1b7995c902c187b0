using QuoinApi.Application.Audit.VerifyAuditLog;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Audit.VerifyAuditLog;

public sealed class VerifyAuditLogHandlerTests
{
    private HandlerTestContext _context = null!;
    private VerifyAuditLogHandler _handler = null!;
    private Guid _tenantId;
    private Guid _otherTenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new VerifyAuditLogHandler(_context.ReadDb);
        _tenantId = _context.SeedTenant().Id;
        _otherTenantId = _context.SeedTenant("Globex").Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.AuditRead);
    }

    private async Task<AuditVerification> Verify() =>
        ResultAssert.Succeeded(await _handler.Handle(new VerifyAuditLogQuery(), CancellationToken.None));

    [Test]
    public async Task An_empty_chain_is_valid_with_no_entries() =>
        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 0, null, 0)));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(25)]
    public async Task An_untouched_chain_is_valid(int length)
    {
        _context.SeedAuditChain(_tenantId, length);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, length, null, 0)));
    }

    [Test]
    public async Task The_chain_is_walked_in_sequence_order_whatever_the_row_order()
    {
        _context.SeedAuditChain(_tenantId, 8);
        _context.Store.AuditEntries.Reverse();

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 8, null, 0)));
    }

    private static IEnumerable<TestCaseData> EditedFields()
    {
        yield return new TestCaseData(nameof(AuditEntry.Actor), "key:attacker");
        yield return new TestCaseData(nameof(AuditEntry.Action), "product.read");
        yield return new TestCaseData(nameof(AuditEntry.ResourceType), "tenant");
        yield return new TestCaseData(nameof(AuditEntry.ResourceId), null);
        yield return new TestCaseData(nameof(AuditEntry.Outcome), AuditRecord.Denied);
        yield return new TestCaseData(nameof(AuditEntry.RequestId), "req-forged");
        yield return new TestCaseData(nameof(AuditEntry.TraceId), "0af7651916cd43dd8448eb211c80319c");
        yield return new TestCaseData(nameof(AuditEntry.Changes), """{"price":0.01}""");
        yield return new TestCaseData(nameof(AuditEntry.OccurredAt), HandlerTestContext.Now.AddDays(-1));
        yield return new TestCaseData(nameof(AuditEntry.Hash), new byte[32]);
    }

    [TestCaseSource(nameof(EditedFields))]
    public async Task An_edited_row_is_the_first_invalid_sequence(string field, object? value)
    {
        var chain = _context.SeedAuditChain(_tenantId, 6);

        AuditChains.Tamper(chain[3], field, value);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 6, 4, 0)));
    }

    [Test]
    public async Task An_edit_of_the_first_or_the_last_row_is_found()
    {
        var chain = _context.SeedAuditChain(_tenantId, 4);
        AuditChains.Tamper(chain[3], nameof(AuditEntry.Actor), "x");

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 4, 0)));

        AuditChains.Tamper(chain[0], nameof(AuditEntry.Actor), "x");

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 1, 0)), "the first invalid sequence is reported");
    }

    [Test]
    public async Task An_edited_row_whose_own_hash_was_recomputed_breaks_the_link_of_the_next_row()
    {
        var chain = _context.SeedAuditChain(_tenantId, 6);

        AuditChains.TamperAndRehash(chain[2], nameof(AuditEntry.Outcome), AuditRecord.Denied);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 6, 4, 0)));
    }

    [TestCase(0, 1)]
    [TestCase(2, 3)]
    [TestCase(4, 5)]
    public async Task A_deleted_row_is_reported_by_its_missing_sequence(int deleted, long missingSequence)
    {
        var chain = _context.SeedAuditChain(_tenantId, 6);

        _context.Store.AuditEntries.Remove(chain[deleted]);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 5, missingSequence, 0)));
    }

    [Test]
    public async Task A_broken_previous_hash_link_is_reported()
    {
        var chain = _context.SeedAuditChain(_tenantId, 5);

        AuditChains.TamperAndRehash(chain[2], nameof(AuditEntry.PreviousHash), chain[0].Hash);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 5, 3, 0)));
    }

    [Test]
    public async Task A_first_row_linked_to_anything_is_reported()
    {
        var chain = _context.SeedAuditChain(_tenantId, 3);

        AuditChains.TamperAndRehash(chain[0], nameof(AuditEntry.PreviousHash), new byte[32]);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 3, 1, 0)));
    }

    [Test]
    public async Task A_renumbered_chain_is_reported()
    {
        var chain = _context.SeedAuditChain(_tenantId, 4);

        // Sequences 2, 3, 4, 5 with every hash recomputed: the links hold, the numbering does not start at 1.
        foreach (var entry in chain)
        {
            AuditChains.Tamper(entry, nameof(AuditEntry.Sequence), entry.Sequence + 1);
        }

        for (var i = 0; i < chain.Count; i++)
        {
            if (i > 0)
            {
                AuditChains.Tamper(chain[i], nameof(AuditEntry.PreviousHash), chain[i - 1].Hash);
            }

            AuditChains.Tamper(chain[i], nameof(AuditEntry.Hash), chain[i].ComputeHash());
        }

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 1, 0)));
    }

    [Test]
    public async Task A_row_inserted_with_a_valid_link_and_hash_is_reported_by_its_repeated_sequence()
    {
        var chain = _context.SeedAuditChain(_tenantId, 3);
        var forged = AuditChains.Sealed(AuditChains.Record(_tenantId, "product.delete"), 2, chain[0].Hash!, HandlerTestContext.Now);

        _context.Store.AuditEntries.Add(forged);

        // Whichever of the two rows numbered 2 comes first, the other repeats its sequence.
        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 2, 0)));
    }

    [Test]
    public async Task Another_tenants_chain_is_not_seen()
    {
        _context.SeedAuditChain(_tenantId, 3);
        var other = _context.SeedAuditChain(_otherTenantId, 5);
        _context.SeedAuditChain(null, 2);
        AuditChains.Tamper(other[1], nameof(AuditEntry.Actor), "x");

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 3, null, 0)));

        _context.Principal.ActAsTenant(_otherTenantId, Scopes.AuditRead);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 5, 2, 0)));
    }

    [Test]
    public async Task Entries_of_other_chains_interleaved_in_time_do_not_break_a_chain()
    {
        for (var i = 0; i < 4; i++)
        {
            _context.SeedAuditChain(_tenantId, 1, HandlerTestContext.Now.AddMinutes(i));
            _context.SeedAuditChain(_otherTenantId, 1, HandlerTestContext.Now.AddMinutes(i));
        }

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 4, null, 0)));
    }

    [Test]
    public void A_cancelled_verification_stops()
    {
        _context.SeedAuditChain(_tenantId, 3);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(async () => await _handler.Handle(new VerifyAuditLogQuery(), cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
