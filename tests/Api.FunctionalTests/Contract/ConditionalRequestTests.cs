using System.Net;
using Microsoft.AspNetCore.Hosting;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Contract;

/// <summary>docs/http-contract.md#conditional-requests: strong ETags from the row version, If-Match (412, *), If-None-Match (304), required If-Match (428).</summary>
public sealed class ConditionalRequestTests : FunctionalTestBase
{
    private const string V2Body = """{"sku":"COND","name":"Replaced","price":{"amountMinor":100,"currency":"EUR"},"tags":[]}""";

    [TestCase("v1")]
    [TestCase("v2")]
    public async Task Get_with_the_current_etag_in_If_None_Match_is_304_without_a_body(string version)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("COND");

        var notModified = await tenant.Http.SendAsync(HttpMethod.Get, $"/api/{version}/products/{id}", ifNoneMatch: etag);
        var stale = await tenant.Http.SendAsync(HttpMethod.Get, $"/api/{version}/products/{id}", ifNoneMatch: "\"0\""); // versions start at 1: never current

        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await notModified.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That(notModified.Headers.ETag?.ToString(), Is.EqualTo(etag));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Etag_is_strong_and_changes_with_every_write()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("COND");

        var replaced = await tenant.Http.SendAsync(HttpMethod.Put, $"/api/v2/products/{id}", V2Body);

        Assert.That(etag, Does.Match("^\"[0-9]+\"$"), "Strong: no W/ prefix.");
        Assert.That(replaced.Headers.ETag!.ToString(), Is.Not.EqualTo(etag));
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    [TestCase("RESTORE")]
    public async Task A_stale_If_Match_is_412_and_changes_nothing(string operation)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("COND");
        if (operation == "RESTORE")
        {
            await tenant.Http.DeleteAsync($"/api/v2/products/{id}");
        }

        var response = await Send(tenant.Http, operation, id, ifMatch: "\"12345\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        var current = await tenant.Http.GetAsync($"/api/v2/products/{id}?");
        Assert.That(current.StatusCode, Is.EqualTo(operation == "RESTORE" ? HttpStatusCode.NotFound : HttpStatusCode.OK));
        if (operation != "RESTORE")
        {
            Assert.That(current.Headers.ETag!.ToString(), Is.EqualTo(etag), "Nothing was written.");
        }
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task The_current_etag_or_a_wildcard_in_If_Match_succeeds(string operation)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (first, etag) = await tenant.Http.CreateProductV2Async("COND-1");
        var (second, _) = await tenant.Http.CreateProductV2Async("COND-2");

        var withEtag = await Send(tenant.Http, operation, first, etag, sku: "COND-1");
        var withWildcard = await Send(tenant.Http, operation, second, "*", sku: "COND-2");

        Assert.That((int)withEtag.StatusCode, Is.InRange(200, 204));
        Assert.That((int)withWildcard.StatusCode, Is.InRange(200, 204));
    }

    [Test]
    public async Task A_weak_etag_never_satisfies_If_Match()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("COND");

        var response = await Send(tenant.Http, "DELETE", id, "W/" + etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task Restore_with_the_deleted_rows_etag_succeeds()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("COND");
        await tenant.Http.DeleteAsync($"/api/v2/products/{id}");
        var deleted = await (await tenant.Http.GetAsync("/api/v2/products?includeDeleted=true")).JsonAsync();
        Assert.That(deleted["items"]!.AsArray(), Has.Count.EqualTo(1));

        var restored = await tenant.Http.SendAsync(HttpMethod.Post, $"/api/v2/products/{id}/restore", ifMatch: "*");

        Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(restored.Headers.ETag, Is.Not.Null);
    }

    [Test]
    public async Task When_configured_writes_without_If_Match_are_428_and_reads_are_not()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("COND");
        await using var strict = Factory.WithWebHostBuilder(builder => builder.UseSetting("Api:RequireIfMatch", "true"));
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.OwnerKey);

        var missing = await Send(client, "PUT", id, ifMatch: null);
        var patchMissing = await Send(client, "PATCH", id, ifMatch: null);
        var read = await client.GetAsync($"/api/v2/products/{id}");
        var create = await client.SendAsync(HttpMethod.Post, "/api/v2/products", V2Body.Replace("COND", "NEW", StringComparison.Ordinal));
        var withHeader = await Send(client, "PUT", id, etag);

        Assert.That(missing.StatusCode, Is.EqualTo((HttpStatusCode)428));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(patchMissing.StatusCode, Is.EqualTo((HttpStatusCode)428));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created), "Creation has nothing to match.");
        Assert.That(withHeader.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string operation, Guid id, string? ifMatch, string sku = "COND") => operation switch
    {
        "PUT" => client.SendAsync(HttpMethod.Put, $"/api/v2/products/{id}", V2Body.Replace("COND", sku, StringComparison.Ordinal), ifMatch: ifMatch),
        "PATCH" => client.SendAsync(HttpMethod.Patch, $"/api/v2/products/{id}", """{"name":"Patched"}""", "application/merge-patch+json", ifMatch),
        "DELETE" => client.SendAsync(HttpMethod.Delete, $"/api/v2/products/{id}", ifMatch: ifMatch),
        _ => client.SendAsync(HttpMethod.Post, $"/api/v2/products/{id}/restore", ifMatch: ifMatch),
    };
}
