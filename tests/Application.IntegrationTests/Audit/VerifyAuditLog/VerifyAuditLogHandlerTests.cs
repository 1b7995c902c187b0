using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Audit.VerifyAuditLog;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Audit.VerifyAuditLog;

/// <summary>
/// The chain check on PostgreSQL, against rows tampered with as someone with write access to the table (and, for an
/// inserted duplicate, the right to drop its unique index) could.
/// </summary>
public sealed class VerifyAuditLogHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;
    private Guid _otherTenantId;
    private Guid _callerTenantId;

    [SetUp]
    public async Task SeedTenantsAsync()
    {
        _callerTenantId = _tenantId = (await TestData.SeedTenantAsync()).Id;
        _otherTenantId = (await TestData.SeedTenantAsync("Globex")).Id;
    }

    private async Task<AuditVerification> Verify() =>
        ResultAssert.Succeeded(await HandleAsync(new VerifyAuditLogQuery(), _callerTenantId, [Scopes.AuditRead]));

    /// <summary>Sets a member through its private setter and writes the row, without recomputing the hash.</summary>
    private static Task Tamper(AuditEntry entry, string property, object? value)
    {
        SetMember(entry, property, value);
        return TestData.UpdateAsync(entry);
    }

    /// <summary>Edits a member and recomputes the row's own hash, as an attacker who knows the algorithm would.</summary>
    private static Task TamperAndRehash(AuditEntry entry, string property, object? value)
    {
        SetMember(entry, property, value);
        SetMember(entry, nameof(AuditEntry.Hash), entry.ComputeHash());
        return TestData.UpdateAsync(entry);
    }

    private static void SetMember(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    [Test]
    public async Task An_empty_chain_is_valid_with_no_entries() =>
        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 0, null, 0)));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(25)]
    public async Task An_untouched_chain_is_valid(int length)
    {
        await TestData.SeedAuditChainAsync(_tenantId, length);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, length, null, 0)));
    }

    [Test]
    public async Task The_chain_is_walked_in_sequence_order_whatever_the_row_order()
    {
        // Stored last entry first, one insert each, so the table's physical order is the reverse of the chain's.
        foreach (var entry in TestData.BuildAuditChain(_tenantId, 8).AsEnumerable().Reverse())
        {
            await TestData.AddAsync(entry);
        }

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 8, null, 0)));
    }

    private static IEnumerable<TestCaseData> EditedFields()
    {
        yield return new TestCaseData(nameof(AuditEntry.Actor), "key:attacker");
        yield return new TestCaseData(nameof(AuditEntry.Action), "api_key.read");
        yield return new TestCaseData(nameof(AuditEntry.ResourceType), "tenant");
        yield return new TestCaseData(nameof(AuditEntry.ResourceId), null);
        yield return new TestCaseData(nameof(AuditEntry.Outcome), AuditRecord.Denied);
        yield return new TestCaseData(nameof(AuditEntry.RequestId), "req-forged");
        yield return new TestCaseData(nameof(AuditEntry.TraceId), "0af7651916cd43dd8448eb211c80319c");
        yield return new TestCaseData(nameof(AuditEntry.Changes), """{"price":0.01}""");
        yield return new TestCaseData(nameof(AuditEntry.OccurredAt), TestData.Now.AddDays(-1));
        yield return new TestCaseData(nameof(AuditEntry.Hash), new byte[32]);
    }

    [TestCaseSource(nameof(EditedFields))]
    public async Task An_edited_row_is_the_first_invalid_sequence(string field, object? value)
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 6);

        await Tamper(chain[3], field, value);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 6, 4, 0)));
    }

    [Test]
    public async Task An_edit_of_the_first_or_the_last_row_is_found()
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 4);
        await Tamper(chain[3], nameof(AuditEntry.Actor), "x");

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 4, 0)));

        await Tamper(chain[0], nameof(AuditEntry.Actor), "x");

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 1, 0)), "the first invalid sequence is reported");
    }

    [Test]
    public async Task An_edited_row_whose_own_hash_was_recomputed_breaks_the_link_of_the_next_row()
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 6);

        await TamperAndRehash(chain[2], nameof(AuditEntry.Outcome), AuditRecord.Denied);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 6, 4, 0)));
    }

    [TestCase(0, 1)]
    [TestCase(2, 3)]
    [TestCase(4, 5)]
    public async Task A_deleted_row_is_reported_by_its_missing_sequence(int deleted, long missingSequence)
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 6);

        await Database.ExecuteAsync("DELETE FROM audit_log WHERE id = $1", chain[deleted].Id);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 5, missingSequence, 0)));
    }

    [Test]
    public async Task A_broken_previous_hash_link_is_reported()
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 5);

        await TamperAndRehash(chain[2], nameof(AuditEntry.PreviousHash), chain[0].Hash);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 5, 3, 0)));
    }

    [Test]
    public async Task A_first_row_linked_to_anything_is_reported()
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 3);

        await TamperAndRehash(chain[0], nameof(AuditEntry.PreviousHash), new byte[32]);

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 3, 1, 0)));
    }

    [Test]
    public async Task A_renumbered_chain_is_reported()
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 4);

        // Sequences 2, 3, 4, 5 with every hash recomputed: the links hold, the numbering does not start at 1.
        foreach (var entry in chain)
        {
            SetMember(entry, nameof(AuditEntry.Sequence), entry.Sequence + 1);
        }

        for (var i = 0; i < chain.Count; i++)
        {
            if (i > 0)
            {
                SetMember(chain[i], nameof(AuditEntry.PreviousHash), chain[i - 1].Hash);
            }

            SetMember(chain[i], nameof(AuditEntry.Hash), chain[i].ComputeHash());
        }

        // Last row first: each new sequence is free when it is written (sequences are unique per chain).
        foreach (var entry in chain.AsEnumerable().Reverse())
        {
            await TestData.UpdateAsync(entry);
        }

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 1, 0)));
    }

    [Test]
    public async Task A_row_inserted_with_a_valid_link_and_hash_is_reported_by_its_repeated_sequence()
    {
        var chain = await TestData.SeedAuditChainAsync(_tenantId, 3);
        var forged = TestData.Sealed(TestData.AuditRecordOf(_tenantId, "api_key.revoke"), 2, chain[0].Hash!, TestData.Now);

        // The unique index on (tenant, sequence) refuses the duplicate; an operator who can drop it is the threat here.
        var uniqueIndex = await Database.ScalarAsync<string>(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_log' AND indexdef LIKE 'CREATE UNIQUE INDEX%(tenant_id, sequence)%'");
        var definition = await Database.ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = $1", uniqueIndex!);
        await Database.ExecuteAsync($"DROP INDEX \"{uniqueIndex}\"");
        try
        {
            await TestData.AddAsync(forged);

            // Whichever of the two rows numbered 2 comes first, the other repeats its sequence.
            Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 4, 2, 0)));
        }
        finally
        {
            await Database.ExecuteAsync("DELETE FROM audit_log WHERE id = $1", forged.Id);
            await Database.ExecuteAsync(definition!);
        }
    }

    [Test]
    public async Task Another_tenants_chain_is_not_seen()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 3);
        var other = await TestData.SeedAuditChainAsync(_otherTenantId, 5);
        await TestData.SeedAuditChainAsync(null, 2);
        await Tamper(other[1], nameof(AuditEntry.Actor), "x");

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 3, null, 0)));

        _callerTenantId = _otherTenantId;

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(false, 5, 2, 0)));
    }

    [Test]
    public async Task Entries_of_other_chains_interleaved_in_time_do_not_break_a_chain()
    {
        for (var i = 0; i < 4; i++)
        {
            await TestData.SeedAuditChainAsync(_tenantId, 1, TestData.Now.AddMinutes(i));
            await TestData.SeedAuditChainAsync(_otherTenantId, 1, TestData.Now.AddMinutes(i));
        }

        Assert.That(await Verify(), Is.EqualTo(new AuditVerification(true, 4, null, 0)));
    }

    [Test]
    public async Task A_cancelled_verification_stops()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 3);
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        var handler = new VerifyAuditLogHandler(scope.ServiceProvider.GetRequiredService<IReadDbContext>());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Assert.That(async () => await handler.Handle(new VerifyAuditLogQuery(), cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
