using System.Net;
using System.Net.Http.Json;
using System.Text;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>docs/http-contract.md#1-conventions: every error is an RFC 9457 problem (application/problem+json, type, title, status, detail, instance, traceId).</summary>
public sealed class ErrorResponsesTests : FunctionalTestBase
{
    [TestCase("/api/v2/nothing")]
    [TestCase("/nothing")]
    [TestCase("/api/v2/products/not-a-guid")]
    [TestCase("/api/v2/api-keys/123")]
    [TestCase("/api/v2/tenants/00000000-0000-0000-0000-000000000000/nothing")]
    [TestCase("/api/v9/products")]
    public async Task Unknown_route_returns_404_problem(string path)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync(path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(problem.String("instance"), Is.EqualTo(path));
    }

    [Test]
    public async Task Unknown_route_is_404_even_without_credentials()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/api/v2/nothing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("PATCH", TestApi.Tenants, new[] { "GET", "POST" })]
    [TestCase("DELETE", TestApi.Products, new[] { "GET", "POST" })]
    [TestCase("PUT", TestApi.ApiKeys, new[] { "GET", "POST" })]
    [TestCase("POST", TestApi.Products + "/01a20800-0000-7000-8000-000000000000", new[] { "GET", "PUT", "DELETE" })]
    public async Task Wrong_method_returns_405_problem_with_allow(string method, string path, string[] allowed)
    {
        using var admin = Factory.CreateAdminClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = TestApi.RawJson("{}") };

        var response = await admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(response.Content.Headers.Allow, Is.SupersetOf(allowed));
    }

    [Test]
    public async Task Every_problem_has_its_own_trace_id_and_echoes_the_request_id()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var first = await anonymous.GetAsync(TestApi.Products);
        var second = await anonymous.GetAsync(TestApi.Products);

        var firstProblem = await first.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var secondProblem = await second.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(firstProblem.String("traceId"), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(firstProblem.String("traceId"), Is.Not.EqualTo(secondProblem.String("traceId")));
        Assert.That(firstProblem.String("requestId"), Is.EqualTo(first.Header("X-Request-Id")));
    }

    [Test]
    public async Task Problems_never_carry_exception_text()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var responses = new[]
        {
            await tenant.Http.PostAsync(TestApi.Products, TestApi.RawJson("{\"price\":\"x\"}")),
            await tenant.Http.PostAsync(TestApi.Products, TestApi.RawJson("[1,2")),
            await tenant.Http.GetAsync($"{TestApi.Products}?pageSize=abc"),
            await tenant.Http.PostAsJsonAsync(TestApi.Products, new { sku = "x y" }),
        };

        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.LessThan(500), text);
            Assert.That(text, Does.Not.Contain("Exception").And.Not.Contain("   at ").And.Not.Contain("System."), text);
        }
    }

    /// <summary>The strict media-type check the shared assertion relaxes while the bug stands, for every kind of controller problem.</summary>
    [Test]
    public async Task Problems_returned_by_controllers_are_application_problem_json()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductAsync("SKU-1");
        var manager = await tenant.Http.CreateApiKeyAsync(["keys:manage"]);
        using var managerClient = Factory.CreateClient(manager.Key);
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["validation 400"] = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody().With("sku", "x")),
            ["model binding 400"] = await tenant.Http.PostAsync(TestApi.Products, TestApi.RawJson("{\"price\":\"12\"}")),
            ["query 400"] = await tenant.Http.GetAsync($"{TestApi.Products}?pageSize=abc"),
            ["handler 403"] = await managerClient.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "products:read" } }),
            ["handler 404"] = await tenant.Http.GetAsync($"{TestApi.Products}/{Guid.CreateVersion7()}"),
            ["handler 409"] = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SKU-1")),
            ["charset 415"] = await tenant.Http.PostAsync(TestApi.Products,
                new StringContent(TestApi.RawProductJson("sku", "\"SKU-2\""), Encoding.Latin1, "application/json")),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (label, response) in responses)
            {
                Assert.That((int)response.StatusCode, Is.GreaterThanOrEqualTo(400), label);
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType), label);
            }
        }
    }
}
