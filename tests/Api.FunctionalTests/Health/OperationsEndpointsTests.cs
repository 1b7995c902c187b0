using System.Net;
using System.Text.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Health;

/// <summary>docs/http-contract.md#operations-endpoints and docs/http-contract.md#8-operations: health probes, the OpenAPI document and the docs page, all without credentials.</summary>
public sealed class OperationsEndpointsTests : FunctionalTestBase
{
    [Test]
    public async Task Live_returns_200_without_credentials()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/health/live");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(body.String("status"), Is.EqualTo("healthy"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task Ready_returns_200_with_the_status_of_each_dependency()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/health/ready");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.String("status"), Is.EqualTo("healthy"));
            var checks = body.GetProperty("checks");
            Assert.That(checks.GetProperty("postgres").String("status"), Is.EqualTo("healthy"));
            Assert.That(checks.GetProperty("redis").String("status"), Is.EqualTo("healthy"));
            Assert.That(body.GetRawText(), Does.Not.Contain("Password").And.Not.Contain("Host="), "no connection strings");
        }
    }

    [Test]
    public async Task Ready_answers_64_concurrent_probes_with_200()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => anonymous.GetAsync("/health/ready")));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        foreach (var response in responses)
        {
            Assert.That((await response.ReadJsonAsync()).String("status"), Is.EqualTo("healthy"));
        }
    }

    [Test]
    public async Task Health_probes_ignore_bad_credentials()
    {
        using var client = Factory.CreateClient("garbage");

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        await live.AssertStatusAsync(HttpStatusCode.OK);
        await ready.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task OpenApi_document_describes_the_api_and_its_security_schemes()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/openapi/v1.json");

        var document = await response.AssertJsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").MemberNames();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.String("openapi"), Does.StartWith("3."));
#if (IncludeProducts)
            Assert.That(paths, Does.Contain("/api/v1/products"));
            Assert.That(paths, Does.Contain("/api/v1/products/{id}"));
#endif
            Assert.That(paths, Does.Contain("/api/v1/api-keys/{id}"));
            Assert.That(paths, Does.Contain("/api/v1/tenants"));
            Assert.That(paths, Does.Contain("/api/v1/api-keys"));
            Assert.That(schemes.ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(schemes.MemberNames(), Is.Not.Empty);
            Assert.That(schemes.EnumerateObject().Select(s => s.Value.String("type")), Does.Contain("apiKey"));
            Assert.That(document.GetProperty("security").GetArrayLength(), Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task Docs_responds_with_a_page()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/docs");
        for (var hops = 0; hops < 3 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently
                 or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect; hops++)
        {
            Assert.That(response.Headers.Location, Is.Not.Null);
            response = await anonymous.GetAsync(new Uri(new Uri("http://localhost/docs"), response.Headers.Location!));
        }

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("openapi/v1.json"));
        var script = await anonymous.GetAsync("/docs/scalar.js");
        await script.AssertStatusAsync(HttpStatusCode.OK);
    }
}
