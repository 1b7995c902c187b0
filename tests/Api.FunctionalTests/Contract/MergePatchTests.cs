using System.Net;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Contract;

/// <summary>PATCH with application/merge-patch+json (RFC 7396), validated by the same rules as PUT, in both versions.</summary>
public sealed class MergePatchTests : FunctionalTestBase
{
    [Test]
    public async Task V1_patch_changes_only_the_given_members_and_null_removes_the_description()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCH-1", "Widget", 1250, "EUR", ["a"], "old text");

        var response = await tenant.Http.MergePatchAsync($"/api/v1/products/{id}", """{"price":13.5,"description":null,"tags":["x","y"]}""");
        var body = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["price"]!.GetValue<decimal>(), Is.EqualTo(13.50m));
        Assert.That(body["price"]!.ToJsonString(), Is.EqualTo("13.50"), "Two decimals, as every read shows.");
        Assert.That(body["description"], Is.Null);
        Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("Widget"), "Untouched.");
        Assert.That(body["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "x", "y" }));
    }

    [Test]
    public async Task V2_patch_of_the_currency_alone_keeps_the_minor_amount()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCH-2", amountMinor: 1350, currency: "EUR");

        var response = await tenant.Http.MergePatchAsync($"/api/v2/products/{id}", """{"price":{"currency":"JPY"}}""");
        var body = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["price"]!["amountMinor"]!.GetValue<long>(), Is.EqualTo(1350));
        Assert.That(body["price"]!["currency"]!.GetValue<string>(), Is.EqualTo("JPY"));
    }

    [Test]
    public async Task Tags_null_empties_them()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCH-3", tags: ["a", "b"]);

        var body = await (await tenant.Http.MergePatchAsync($"/api/v2/products/{id}", """{"tags":null}""")).JsonAsync();

        Assert.That(body["tags"]!.AsArray(), Is.Empty);
    }

    [TestCase("""{"sku":null}""", "sku")]
    [TestCase("""{"name":null}""", "name")]
    [TestCase("""{"sku":"lower case"}""", "sku")]
    [TestCase("""{"name":""}""", "name")]
    [TestCase("""{"price":-1}""", "price")]
    [TestCase("""{"price":"12"}""", "price")]
    [TestCase("""{"currency":"XYZ"}""", "currency")]
    [TestCase("""{"tags":["ok","this-tag-is-far-too-long-to-be-accepted-here"]}""", "tags[1]")]
    [TestCase("""{"id":"01a20814-3062-732a-9b07-d563bc9974f3"}""", "id")]
    [TestCase("""{"tenantId":"x"}""", "tenantId")]
    public async Task V1_patch_is_validated_like_put(string patch, string member)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("PATCH-4");

        var response = await tenant.Http.MergePatchAsync($"/api/v1/products/{id}", patch);
        var problem = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(member));
        Assert.That((await tenant.Http.GetAsync($"/api/v2/products/{id}")).Headers.ETag!.ToString(), Is.EqualTo(etag), "Nothing changed.");
    }

    [TestCase("""{"price":null}""", "price")]
    [TestCase("""{"price":{"amountMinor":"x"}}""", "price.amountMinor")]
    [TestCase("""{"price":{"currency":null}}""", "price.currency")]
    [TestCase("""{"price":{"extra":1}}""", "price.extra")]
    [TestCase("""{"currency":"EUR"}""", "currency")]
    [TestCase("""{"price":{"amountMinor":-5}}""", "price.amountMinor")]
    public async Task V2_patch_errors_name_v2_members(string patch, string member)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCH-5");

        var response = await tenant.Http.MergePatchAsync($"/api/v2/products/{id}", patch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key), Does.Contain(member));
    }

    [Test]
    public async Task Patch_to_a_sku_another_live_product_holds_is_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductV2Async("TAKEN");
        var (id, _) = await tenant.Http.CreateProductV2Async("FREE");

        var response = await tenant.Http.MergePatchAsync($"/api/v2/products/{id}", """{"sku":"TAKEN"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("[]")]
    [TestCase("42")]
    [TestCase("{not json")]
    public async Task A_patch_that_is_not_a_json_object_is_400(string patch)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCH-6");

        var response = await tenant.Http.MergePatchAsync($"/api/v2/products/{id}", patch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
    }

    [Test]
    public async Task Patch_with_plain_json_content_type_is_415()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCH-7");

        var response = await tenant.Http.SendAsync(HttpMethod.Patch, $"/api/v2/products/{id}", """{"name":"x"}""", "text/plain");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Patch_of_another_tenants_product_is_404()
    {
        using var owner = await Factory.CreateTenantAsync("Owner");
        using var stranger = await Factory.CreateTenantAsync("Stranger");
        var (id, _) = await owner.Http.CreateProductV2Async("MINE");

        var response = await stranger.Http.MergePatchAsync($"/api/v2/products/{id}", """{"name":"stolen"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
