using QuoinApi.Application.Audit;
using QuoinApi.Application.Audit.ListAuditLog;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Audit.ListAuditLog;

public sealed class ListAuditLogHandlerTests : IntegrationTestBase
{
    private static readonly DateTimeOffset Start = TestData.Now;

    private Guid _tenantId;
    private Guid _otherTenantId;
    private Guid? _callerTenantId;
    private string[] _callerScopes = [];

    [SetUp]
    public async Task SeedTenantsAsync()
    {
        _tenantId = (await TestData.SeedTenantAsync()).Id;
        _otherTenantId = (await TestData.SeedTenantAsync("Globex")).Id;
        ActAsTenant(_tenantId);
    }

    private void ActAsTenant(Guid tenantId) => (_callerTenantId, _callerScopes) = (tenantId, [Scopes.AuditRead]);

    private Task<Result<ListResult<AuditEntryDto>>> List(AuditLogFilter? filter = null, ListRequest? list = null) =>
        HandleAsync(new ListAuditLogQuery(list ?? ListRequest.Default, filter ?? new AuditLogFilter()), _callerTenantId, _callerScopes);

    private async Task<long[]> Sequences(AuditLogFilter? filter = null, ListRequest? list = null) =>
        [.. ResultAssert.Succeeded(await List(filter, list)).Items.Select(e => e.Sequence)];

    /// <summary>Ten entries one minute apart: api_key.create on even sequences, api_key.revoke on odd, resources res-0..res-4 twice.</summary>
    private Task<List<AuditEntry>> SeedMixedChain() =>
        TestData.SeedAuditChainAsync(_tenantId, 10, Start, i => TestData.AuditRecordOf(_tenantId, i % 2 == 0 ? "api_key.revoke" : "api_key.create", $"res-{i % 5}"));

    [Test]
    public async Task Lists_only_the_callers_tenant_chain_newest_first()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 5);
        await TestData.SeedAuditChainAsync(_otherTenantId, 3);
        await TestData.SeedAuditChainAsync(null, 2);

        Assert.That(await Sequences(), Is.EqualTo(new long[] { 5, 4, 3, 2, 1 }));
    }

    [Test]
    public async Task Another_tenant_sees_only_its_own_chain()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 5);
        var others = await TestData.SeedAuditChainAsync(_otherTenantId, 3);
        ActAsTenant(_otherTenantId);

        var list = ResultAssert.Succeeded(await List());

        Assert.That(list.Items.Select(e => e.Id), Is.EqualTo(others.Select(e => e.Id).Reverse()));
    }

    [Test]
    public async Task A_caller_without_a_tenant_sees_no_entries_not_even_the_platform_chain()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 2);
        await TestData.SeedAuditChainAsync(null, 2);
        (_callerTenantId, _callerScopes) = (null, [Scopes.PlatformAdmin]);

        Assert.That(await Sequences(), Is.Empty);
    }

    [Test]
    public async Task An_empty_chain_is_an_empty_list()
    {
        var list = ResultAssert.Succeeded(await List(list: new ListRequest(IncludeTotalCount: true)));

        Assert.That(list.Items, Is.Empty);
        Assert.That(list.NextPageToken, Is.Null);
        Assert.That(list.TotalCount, Is.Zero);
    }

    [Test]
    public async Task Every_field_is_listed_with_the_hashes_as_lower_case_hex()
    {
        var record = new AuditRecord(_tenantId, "key:0001", "api_key.rotate", "api_key", "res-9", AuditRecord.Success, "req-9",
            "0af7651916cd43dd8448eb211c80319c", """{"gracePeriodSeconds":60}""");
        var entries = await TestData.SeedAuditChainAsync(_tenantId, 2, Start, _ => record);

        var dto = ResultAssert.Succeeded(await List()).Items[0];

        var entry = entries[1];
        Assert.That(dto, Is.EqualTo(new AuditEntryDto(
            entry.Id, 2, entry.OccurredAt, "key:0001", "api_key.rotate", "api_key", "res-9", AuditRecord.Success, "req-9",
            "0af7651916cd43dd8448eb211c80319c", """{"gracePeriodSeconds":60}""",
            Convert.ToHexStringLower(entries[0].Hash!), Convert.ToHexStringLower(entry.Hash!))));
        Assert.That(dto.Hash, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public async Task The_first_entry_lists_an_empty_previous_hash()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 1);

        Assert.That(ResultAssert.Succeeded(await List()).Items.Single().PreviousHash, Is.Empty);
    }

    [Test]
    public async Task Filters_by_action()
    {
        await SeedMixedChain();

        Assert.That(await Sequences(new AuditLogFilter(Action: "api_key.revoke")), Is.EqualTo(new long[] { 9, 7, 5, 3, 1 }));
        Assert.That(await Sequences(new AuditLogFilter(Action: "api_key")), Is.Empty, "the action matches exactly");
    }

    [Test]
    public async Task Filters_by_resource_id()
    {
        await SeedMixedChain();

        Assert.That(await Sequences(new AuditLogFilter(ResourceId: "res-3")), Is.EqualTo(new long[] { 9, 4 }));
    }

    [Test]
    public async Task From_is_inclusive_and_to_is_exclusive()
    {
        await SeedMixedChain();

        Assert.That(await Sequences(new AuditLogFilter(From: Start.AddMinutes(2), To: Start.AddMinutes(5))), Is.EqualTo(new long[] { 5, 4, 3 }));
        Assert.That(await Sequences(new AuditLogFilter(From: Start.AddMinutes(8))), Is.EqualTo(new long[] { 10, 9 }));
        Assert.That(await Sequences(new AuditLogFilter(To: Start.AddMinutes(1))), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task Time_filters_compare_instants_whatever_their_offset()
    {
        await SeedMixedChain();
        var offset = TimeSpan.FromHours(2);

        Assert.That(await Sequences(new AuditLogFilter(From: Start.AddMinutes(2).ToOffset(offset), To: Start.AddMinutes(5).ToOffset(offset))),
            Is.EqualTo(new long[] { 5, 4, 3 }));
    }

    [Test]
    public async Task Filters_combine()
    {
        await SeedMixedChain();

        Assert.That(await Sequences(new AuditLogFilter("api_key.create", "res-1", Start, Start.AddMinutes(10))), Is.EqualTo(new long[] { 2 }));
        Assert.That(await Sequences(new AuditLogFilter("api_key.revoke", "res-1", Start, Start.AddMinutes(10))), Is.EqualTo(new long[] { 7 }));
    }

    [Test]
    public async Task Oldest_first_on_request()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 4);

        Assert.That(await Sequences(list: new ListRequest(Sort: "occurredAt")), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
    }

    [TestCase(null, 3)]
    [TestCase("sequence", 4)]
    [TestCase("-occurredAt", 4)]
    [TestCase("occurredAt", 5)]
    [TestCase("occurredAt", 1)]
    public async Task Paging_with_the_tokens_returns_every_entry_once_in_order_even_with_equal_times(string? sort, int pageSize)
    {
        // Runs of three entries at the same instant.
        var entries = new List<AuditEntry>();
        for (var run = 0; run < 5; run++)
        {
            entries.AddRange(await TestData.SeedAuditChainAsync(_tenantId, 3, Start.AddMinutes(run), interval: TimeSpan.Zero));
        }

        await TestData.SeedAuditChainAsync(_otherTenantId, 4);
        var expected = sort switch
        {
            "occurredAt" => entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id),
            "-occurredAt" => entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id),
            "sequence" => entries.OrderBy(e => e.Sequence),
            _ => entries.OrderByDescending(e => e.Sequence), // the default: the chain's order, newest first
        };

        var pages = await Pages.WalkAsync(token => List(list: new ListRequest(pageSize, token, sort, IncludeTotalCount: true)));

        Pages.AssertWellFormed(pages, pageSize, entries.Count);
        Assert.That(pages.SelectMany(p => p.Items).Select(e => e.Id), Is.EqualTo(expected.Select(e => e.Id)));
        Assert.That(pages.Select(p => p.TotalCount), Has.All.EqualTo(15));
    }

    [Test]
    public async Task Paging_keeps_the_filters()
    {
        await SeedMixedChain();
        var filter = new AuditLogFilter(Action: "api_key.create");

        var pages = await Pages.WalkAsync(token => List(filter, new ListRequest(2, token)));

        Assert.That(pages.SelectMany(p => p.Items).Select(e => e.Sequence), Is.EqualTo(new long[] { 10, 8, 6, 4, 2 }));
    }

    [Test]
    public async Task A_token_minted_for_other_filters_is_rejected()
    {
        await SeedMixedChain();
        var token = ResultAssert.Succeeded(await List(new AuditLogFilter(Action: "api_key.create"), new ListRequest(2))).NextPageToken;
        Assert.That(token, Is.Not.Null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ResultAssert.Failed(await List(new AuditLogFilter(Action: "api_key.revoke"), new ListRequest(2, token)), ErrorKind.Validation, "validation_failed"),
                Is.EqualTo(KeysetPager.InvalidPageToken));
            Assert.That(ResultAssert.Failed(await List(null, new ListRequest(2, token)), ErrorKind.Validation, "validation_failed"),
                Is.EqualTo(KeysetPager.InvalidPageToken));
            Assert.That(ResultAssert.Failed(await List(new AuditLogFilter("api_key.create", From: Start), new ListRequest(2, token)), ErrorKind.Validation, "validation_failed"),
                Is.EqualTo(KeysetPager.InvalidPageToken));
        }
    }

    [Test]
    public async Task A_token_of_another_tenant_is_rejected()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 3);
        await TestData.SeedAuditChainAsync(_otherTenantId, 3);
        var token = ResultAssert.Succeeded(await List(list: new ListRequest(1))).NextPageToken;
        ActAsTenant(_otherTenantId);

        var result = await List(list: new ListRequest(1, token));

        Assert.That(ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed"), Is.EqualTo(KeysetPager.InvalidPageToken));
    }

    [Test]
    public async Task A_token_minted_for_another_sort_is_rejected()
    {
        await TestData.SeedAuditChainAsync(_tenantId, 3);
        var token = ResultAssert.Succeeded(await List(list: new ListRequest(1))).NextPageToken;

        var result = await List(list: new ListRequest(1, token, "occurredAt"));

        Assert.That(ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed"), Is.EqualTo(KeysetPager.InvalidPageToken));
    }

    [TestCase("hash")]
    [TestCase("action")]
    [TestCase("id")]
    public async Task A_sort_outside_the_whitelist_is_a_validation_error_on_sort(string sort)
    {
        var error = ResultAssert.Failed(await List(list: new ListRequest(Sort: sort)), ErrorKind.Validation, "validation_failed");

        Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "sort" }));
    }

    [Test]
    public async Task The_total_counts_the_filtered_entries()
    {
        await SeedMixedChain();

        var list = ResultAssert.Succeeded(await List(new AuditLogFilter(Action: "api_key.create"), new ListRequest(2, IncludeTotalCount: true)));

        Assert.That(list.TotalCount, Is.EqualTo(5));
        Assert.That(list.Items, Has.Count.EqualTo(2));
    }
}
