using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Tenants;
using QuoinApi.Application.Tenants.ListTenants;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.IntegrationTests.Tenants.ListTenants;

public sealed class ListTenantsHandlerTests : IntegrationTestBase
{

    [Test]
    public async Task Lists_live_tenants_newest_first()
    {
        var oldest = await TestData.SeedTenantAsync("Oldest", createdAt: TestData.Now.AddDays(-3));
        var newest = await TestData.SeedTenantAsync("Newest", createdAt: TestData.Now.AddDays(-1));
        var middle = await TestData.SeedTenantAsync("Middle", createdAt: TestData.Now.AddDays(-2));
        await TestData.SeedTenantAsync("Deleted", createdAt: TestData.Now, deleted: true);

        var list = ResultAssert.Succeeded(await List(ListRequest.Default));

        Assert.That(list.Items.Select(t => t.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
        Assert.That(list.Items[0].Name, Is.EqualTo("Newest"));
    }

    [Test]
    public async Task Page_size_limits_the_items_to_the_newest()
    {
        for (var i = 0; i < 5; i++)
        {
            await TestData.SeedTenantAsync($"Tenant {i}", createdAt: TestData.Now.AddMinutes(i));
        }

        var list = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 3)));

        Assert.That(list.Items.Select(t => t.Name), Is.EqualTo(new[] { "Tenant 4", "Tenant 3", "Tenant 2" }));
    }

    [Test]
    public async Task No_tenants_gives_an_empty_list()
    {
        var list = ResultAssert.Succeeded(await List(ListRequest.Default));

        Assert.That(list.Items, Is.Empty);
    }

    private static Task<Result<ListResult<TenantDto>>> List(ListRequest list) => HandleAsync(new ListTenantsQuery(list), null, [Scopes.PlatformAdmin]);

    /// <summary>14 live tenants in runs of equal names and equal creation times, and a deleted one.</summary>
    private static async Task<List<Tenant>> SeedTenants()
    {
        var tenants = new List<Tenant>();
        for (var i = 0; i < 14; i++)
        {
            tenants.Add(await TestData.SeedTenantAsync(i % 2 == 0 ? "Acme" : "Globex", createdAt: TestData.Now.AddMinutes(-(i / 3))));
        }

        await TestData.SeedTenantAsync("Deleted", deleted: true);
        return tenants;
    }

    [TestCase(null, 3)]
    [TestCase("createdAt", 5)]
    [TestCase("name", 4)]
    [TestCase("-name,-createdAt", 2)]
    [TestCase("name,createdAt", 14)]
    public async Task Paging_with_the_tokens_returns_every_live_tenant_once_in_sort_order(string? sort, int pageSize)
    {
        var tenants = await SeedTenants();
        var expected = sort switch
        {
            null => tenants.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            "createdAt" => tenants.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            "name" => tenants.OrderBy(t => t.Name).ThenBy(t => t.Id),
            "-name,-createdAt" => tenants.OrderByDescending(t => t.Name).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            "name,createdAt" => tenants.OrderBy(t => t.Name).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };

        var pages = await Pages.WalkAsync(token => List(new ListRequest(pageSize, token, sort, IncludeTotalCount: true)));

        Pages.AssertWellFormed(pages, pageSize, tenants.Count);
        Assert.That(pages.SelectMany(p => p.Items).Select(t => t.Id), Is.EqualTo(expected.Select(t => t.Id)));
        Assert.That(pages.Select(p => p.TotalCount), Has.All.EqualTo(14));
    }

    [Test]
    public async Task Total_count_is_absent_unless_asked_for()
    {
        await SeedTenants();

        var list = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 5)));

        Assert.That(list.TotalCount, Is.Null);
    }

#if (IncludeRatePlans)
    [TestCase("ratePlan")]
#else
    [TestCase("deletedAt")]
#endif
    [TestCase("updatedAt")]
    [TestCase("-")]
    public async Task Sort_outside_the_whitelist_is_a_validation_error_on_sort(string sort)
    {
        var error = ResultAssert.Failed(await List(new ListRequest(Sort: sort)), ErrorKind.Validation, "validation_failed");

        Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "sort" }));
    }

    [Test]
    public async Task Token_minted_for_another_sort_is_rejected()
    {
        await SeedTenants();
        var token = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 2, Sort: "name"))).NextPageToken;

        var result = await List(new ListRequest(2, token, "-name"));

        Assert.That(ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed"), Is.EqualTo(KeysetPager.InvalidPageToken));
    }

    [Test]
    public async Task Token_of_another_list_is_rejected()
    {
        await SeedTenants();
        var tenantId = (await TestData.SeedTenantAsync("Initech")).Id;
        await TestData.SeedApiKeyAsync(tenantId);
        await TestData.SeedApiKeyAsync(tenantId);
        var keysToken = ResultAssert.Succeeded(await HandleAsync(
            new ListApiKeysQuery(new ListRequest(PageSize: 1)), tenantId, [Scopes.KeysManage])).NextPageToken;

        var result = await List(new ListRequest(1, keysToken));

        Assert.That(ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed"), Is.EqualTo(KeysetPager.InvalidPageToken));
    }
}
