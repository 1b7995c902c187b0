using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.ModulePlural;
using QuoinApi.Application.ModulePlural.ListModulePlural;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ModulePlural.ListModulePlural;

/// <summary>On PostgreSQL: keyset pages over the tenant's live rows, in the order the sort asks for.</summary>
public sealed class ListModulePluralHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private Task<Result<ListResult<ModuleNameDto>>> List(ListRequest list) =>
        HandleAsync(new ListModulePluralQuery(list), _tenantId, [Scopes.ModulePluralRead]);

    [Test]
    public async Task Lists_the_tenant_s_live_ones_newest_first()
    {
        var oldest = await ModuleNameRows.SeedAsync(_tenantId, "oldest", TestData.Now.AddDays(-2));
        var newest = await ModuleNameRows.SeedAsync(_tenantId, "newest", TestData.Now);
        var middle = await ModuleNameRows.SeedAsync(_tenantId, "middle", TestData.Now.AddDays(-1));
        await ModuleNameRows.SeedAsync(_tenantId, "deleted", TestData.Now, deleted: true);
        await ModuleNameRows.SeedAsync((await TestData.SeedTenantAsync("Globex")).Id, "other tenant's");

        var list = ResultAssert.Succeeded(await List(ListRequest.Default));

        Assert.That(list.Items.Select(row => row.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
    }

    [Test]
    public async Task Pages_by_name_cover_every_row_once_in_order()
    {
        // Equal names on purpose: the id breaks the ties, so no page skips or repeats a row.
        var seeded = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            seeded.Add((await ModuleNameRows.SeedAsync(_tenantId, $"name {i % 3}", TestData.Now.AddMinutes(i))).Id);
        }

        var pages = await Pages.WalkAsync(token => List(new ListRequest(PageSize: 3, PageToken: token, Sort: "name", IncludeTotalCount: true)));

        Pages.AssertWellFormed(pages, pageSize: 3, total: 7);
        var items = pages.SelectMany(page => page.Items).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(items.Select(row => row.Id), Is.EquivalentTo(seeded));
            Assert.That(items, Is.Ordered.By(nameof(ModuleNameDto.Name)).Using<string>(StringComparer.Ordinal), "name 0, name 1, name 2 sort the same in every collation");
            Assert.That(pages[0].TotalCount, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task A_page_token_of_another_sort_is_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await ModuleNameRows.SeedAsync(_tenantId, $"name {i}", TestData.Now.AddMinutes(i));
        }

        var first = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1, Sort: "name")));

        var error = ResultAssert.Failed(await List(new ListRequest(PageSize: 1, PageToken: first.NextPageToken, Sort: "-name")), ErrorKind.Validation, "validation_failed");

        Assert.That(error, Is.EqualTo(KeysetPager.InvalidPageToken));
    }
}
