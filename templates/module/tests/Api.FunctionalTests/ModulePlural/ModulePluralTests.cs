using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.ModulePlural;

/// <summary>
/// The endpoints of items_phrase over HTTP, on PostgreSQL with its migration: statuses, Location, strong ETags and
/// If-Match, the scopes, and tenant isolation.
/// </summary>
public sealed class ModulePluralTests : FunctionalTestBase
{
    private const string Route = "/api/v2/module-plural";

    [Test]
    public async Task Create_get_list_replace_and_delete_with_etags()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var created = await tenant.Http.PostAsJsonAsync(Route, new { name = "First" });
        var body = await created.AssertJsonAsync(HttpStatusCode.Created);
        var location = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(location, Does.EndWith($"{Route}/{body.Id()}").IgnoreCase);
            Assert.That(created.Headers.ETag!.IsWeak, Is.False, "the ETag is strong");
            Assert.That(body.String("name"), Is.EqualTo("First"));
            Assert.That(body.String("createdAt"), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(body.MemberNames(), Is.EquivalentTo(new[] { "id", "name", "createdAt", "updatedAt" }), "no tenant, no version in the body");
        }

        var fetched = await tenant.Http.GetAsync(location);
        Assert.That((await fetched.AssertJsonAsync(HttpStatusCode.OK)).GetRawText(), Is.EqualTo(body.GetRawText()));
        Assert.That(fetched.Headers.ETag!.ToString(), Is.EqualTo(etag));
        await (await tenant.Http.SendAsync(HttpMethod.Get, location, ifNoneMatch: etag)).AssertStatusAsync(HttpStatusCode.NotModified);

        var list = await (await tenant.Http.GetAsync(Route + "?sort=name")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Items().Select(item => item.Id()), Is.EqualTo(new[] { body.Id() }));

        await (await tenant.Http.SendAsync(HttpMethod.Put, location, "{\"name\":\"Second\"}", ifMatch: "\"99\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var replaced = await tenant.Http.SendAsync(HttpMethod.Put, location, "{\"name\":\"Second\"}", ifMatch: etag);
        Assert.That((await replaced.AssertJsonAsync(HttpStatusCode.OK)).String("name"), Is.EqualTo("Second"));
        Assert.That(replaced.Headers.ETag!.ToString(), Is.Not.EqualTo(etag), "a change moves the version");

        await (await tenant.Http.SendAsync(HttpMethod.Delete, location, ifMatch: etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await tenant.Http.SendAsync(HttpMethod.Delete, location, ifMatch: replaced.Headers.ETag!.ToString())).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await tenant.Http.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_blank_name_is_a_validation_problem()
    {
        using var tenant = await Factory.CreateTenantAsync();

        await (await tenant.Http.PostAsJsonAsync(Route, new { name = " " })).AssertValidationProblemAsync("name");
    }

    [Test]
    public async Task A_key_that_may_only_read_cannot_write()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var reader = await tenant.Http.CreateApiKeyAsync(["module_plural:read"]);
        using var client = Factory.CreateClient(reader.Key);

        await (await client.PostAsJsonAsync(Route, new { name = "First" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(Route)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Another_tenant_s_is_not_found()
    {
        using var owner = await Factory.CreateTenantAsync("Acme");
        using var other = await Factory.CreateTenantAsync("Globex");
        var location = (await owner.Http.PostAsJsonAsync(Route, new { name = "First" })).Headers.Location!.ToString();

        await (await other.Http.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Http.DeleteAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
