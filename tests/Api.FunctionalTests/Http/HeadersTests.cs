using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>docs/http-contract.md#6-headers: X-Request-Id, security headers, Cache-Control on authenticated responses, API version reporting.</summary>
public sealed class HeadersTests : FunctionalTestBase
{
    private const string RequestId = "X-Request-Id";

    [TestCase("abc-123")]
    [TestCase("req_01HZX.4:ab")]
    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task Valid_request_id_is_echoed(string requestId)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.ApiKeys);
        request.Headers.Add(RequestId, requestId);

        var response = await tenant.Http.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(response.Header(RequestId), Is.EqualTo(requestId));
    }

    [Test]
    public async Task Valid_request_id_is_echoed_on_a_problem_too()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.ApiKeys);
        request.Headers.Add(RequestId, "trace-me-42");

        var response = await anonymous.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Header(RequestId), Is.EqualTo("trace-me-42"));
        Assert.That(problem.String("requestId"), Is.EqualTo("trace-me-42"));
    }

    public static IEnumerable<TestCaseData> InvalidRequestIds()
    {
        yield return new TestCaseData(new string('a', 129)).SetName("Request_id_of_129_characters_is_replaced");
        yield return new TestCaseData(new string('a', 200)).SetName("Request_id_of_200_characters_is_replaced");
        yield return new TestCaseData("has spaces in it").SetName("Request_id_with_spaces_is_replaced");
        yield return new TestCaseData("<script>alert(1)</script>").SetName("Request_id_with_markup_is_replaced");
        yield return new TestCaseData("a/b?c=d").SetName("Request_id_with_url_characters_is_replaced");
        yield return new TestCaseData("café").SetName("Request_id_with_non_ascii_is_replaced");
    }

    [TestCaseSource(nameof(InvalidRequestIds))]
    public async Task Invalid_request_id_is_replaced_by_a_generated_one(string requestId)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.ApiKeys);
        request.Headers.TryAddWithoutValidation(RequestId, Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(requestId)));

        var response = await tenant.Http.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var echoed = response.Header(RequestId);
        Assert.That(echoed, Is.Not.Null.And.Not.Empty);
        Assert.That(echoed, Is.Not.EqualTo(requestId));
        Assert.That(echoed, Does.Match("^[A-Za-z0-9._:-]{1,128}$"));
    }

    [Test]
    public async Task Request_id_is_generated_when_absent_and_differs_per_request()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var first = await anonymous.GetAsync("/health/live");
        var second = await anonymous.GetAsync("/health/live");

        Assert.That(first.Header(RequestId), Does.Match("^[A-Za-z0-9._:-]{1,128}$"));
        Assert.That(second.Header(RequestId), Is.Not.EqualTo(first.Header(RequestId)));
    }

    public static IEnumerable<TestCaseData> Responses()
    {
        yield return new TestCaseData("authenticated 200", true, TestApi.ApiKeys, true);
        yield return new TestCaseData("anonymous 401", false, TestApi.ApiKeys, true);
        yield return new TestCaseData("authenticated 404 route", true, "/api/v2/nothing", true);
        yield return new TestCaseData("anonymous 404 route", false, "/nothing", false);
        yield return new TestCaseData("health", false, "/health/ready", false);
        yield return new TestCaseData("openapi", false, "/openapi/v1.json", false);
    }

    [TestCaseSource(nameof(Responses))]
    public async Task Security_headers_are_on_every_response(string label, bool authenticated, string path, bool underApi)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await (authenticated ? tenant.Http : anonymous).GetAsync(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"), label);
            Assert.That(response.Header("X-Frame-Options"), Is.EqualTo("DENY"), label);
            Assert.That(response.Header("Referrer-Policy"), Is.EqualTo("no-referrer"), label);
            Assert.That(response.Header("Content-Security-Policy"), Is.EqualTo("default-src 'none'; frame-ancestors 'none'"), label);
            Assert.That(response.Headers.Contains("Server"), Is.False, label);
            Assert.That(response.Header("Strict-Transport-Security"), Is.Null, "no HSTS over plain HTTP");
            if (authenticated || underApi)
            {
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{label}: Cache-Control no-store");
            }
        }
    }

    [Test]
    public async Task Authenticated_responses_are_not_cacheable()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = "ci", scopes = new[] { "audit:read" } });
        var key = await created.AssertJsonAsync(HttpStatusCode.Created);

        var responses = new[]
        {
            created,
            await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{key.Id()}"),
            await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize=1"),
            await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{key.Id()}"),
            await Factory.CreateAdminClient().GetAsync(TestApi.Tenants),
        };

        foreach (var response in responses)
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}");
        }
    }

    [Test]
    public async Task Docs_page_has_its_own_csp_that_still_forbids_framing()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/docs/");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(response.Header("Content-Security-Policy"), Does.Contain("frame-ancestors 'none'"));
        Assert.That(response.Header("X-Frame-Options"), Is.EqualTo("DENY"));
        Assert.That(response.Headers.Contains("Server"), Is.False);
    }

    [Test]
    public async Task Api_responses_report_the_supported_versions()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = "ci", scopes = new[] { "audit:read" } });
        var key = await created.AssertJsonAsync(HttpStatusCode.Created);

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["201"] = created,
            ["200 get"] = await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{key.Id()}"),
            ["200 list"] = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize=1"),
            ["404 from the handler"] = await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{Guid.CreateVersion7()}"),
            ["400 from validation"] = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize=0"),
            ["204"] = await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{key.Id()}"),
        };

        foreach (var (label, response) in responses)
        {
            Assert.That(response.Header("api-supported-versions"), Is.Not.Null.And.Contain("1.0"), label);
        }
    }
    [Test]
    public async Task Api_responses_rejected_before_the_action_report_the_supported_versions_too()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var anonymous = Factory.CreateClient(apiKey: null);
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["401"] = await anonymous.GetAsync(TestApi.ApiKeys),
            ["403"] = await tenant.Http.GetAsync(TestApi.Tenants),
            ["400 from model binding"] = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize=abc"),
            ["415"] = await tenant.Http.PostAsync(TestApi.ApiKeys, new StringContent("{}", Encoding.UTF8, "text/plain")),
            ["405"] = await tenant.Http.PatchAsync(TestApi.ApiKeys, TestApi.RawJson("{}")),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (label, response) in responses)
            {
                Assert.That(response.Header("api-supported-versions"), Is.Not.Null.And.Contain("1.0"), label);
            }
        }
    }

    [Test]
    public async Task Hsts_is_sent_over_https()
    {
        using var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await https.GetAsync("/health/live");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.That(response.Header("Strict-Transport-Security"), Does.StartWith("max-age="));
    }

    [Test]
    public async Task Cors_is_off_when_no_origins_are_configured()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, TestApi.ApiKeys);
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.ApiKeys);
        request.Headers.Add("Origin", "https://evil.example");

        var preflightResponse = await tenant.Http.SendAsync(preflight);
        var response = await tenant.Http.SendAsync(request);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        foreach (var r in new[] { preflightResponse, response })
        {
            Assert.That(r.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(r.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
        }
    }
}
