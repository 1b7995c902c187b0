using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>
/// Errors the server produces before the application runs (docs/http-contract.md, sections 1 and 6): Kestrel's own 400, 414, 431 and 408 carry a
/// problem body and the security headers. The in-memory test server does not run Kestrel's parser, so these tests
/// start the API on a real Kestrel port on loopback and talk to it over raw sockets.
/// </summary>
[NonParallelizable]
public sealed class ServerRejectionTests : FunctionalTestBase
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(20);
    private WebApplicationFactory<Program> _kestrel = null!;
    private int _port;

    [OneTimeSetUp]
    public void StartKestrel()
    {
        _kestrel = Factory.WithWebHostBuilder(_ => { });

        // A short header timeout so the 408 test is quick (Kestrel's timeouts run on the real clock).
        _kestrel.UseKestrel(kestrel => kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(2));
        _kestrel.UseKestrel(0);
        _kestrel.StartServer();
        var address = _kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
    }

    [OneTimeTearDown]
    public async Task StopKestrelAsync() => await _kestrel.DisposeAsync();

    public static IEnumerable<TestCaseData> Rejections()
    {
        yield return new TestCaseData("GET /api/v1/api-keys%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400).SetName("Nul_in_the_path_is_a_400_problem");
        yield return new TestCaseData("NOT A REQUEST LINE\r\n\r\n", 400).SetName("Malformed_request_line_is_a_400_problem");
        yield return new TestCaseData("GET /api/v1/api-keys HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n", 400).SetName("Malformed_header_is_a_400_problem");
        yield return new TestCaseData($"GET /api/v1/api-keys?q={new string('x', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414).SetName("Url_over_the_request_line_limit_is_a_414_problem");
        yield return new TestCaseData($"GET /api/v1/api-keys HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('x', 40_000)}\r\n\r\n", 431).SetName("Headers_over_their_limit_are_a_431_problem");
    }

    [TestCaseSource(nameof(Rejections))]
    public async Task Kestrel_rejections_are_problems_with_the_security_headers(string request, int status)
    {
        var response = await SendRawAsync(request);

        AssertProblem(response, status);
    }

    [Test]
    public async Task Request_headers_that_do_not_arrive_in_time_are_a_408_problem()
    {
        var response = await SendRawAsync("GET /api/v1/api-keys HTTP/1.1\r\nHost: localhost\r\n");

        AssertProblem(response, 408);
        Assert.That(response.Problem.GetProperty("instance").GetString(), Is.EqualTo("/api/v1/api-keys"), "Kestrel had read the request line");
    }

    [Test]
    public async Task Responses_of_the_application_pass_unchanged_and_a_later_rejection_on_the_same_connection_is_rewritten()
    {
        var raw = await SendRawTextAsync(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n" +
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n" +
            "GET /api/v1/api-keys%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");

        var responses = RawResponse.ParseAll(raw);
        Assert.That(responses.Select(r => r.Status), Is.EqualTo(new[] { 200, 200, 400 }));
        Assert.That(responses[0].Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(responses[0].Body, Does.Contain("healthy"));
        AssertProblem(responses[2], 400);
    }

    [Test]
    public async Task A_declared_body_over_the_cap_is_a_413_problem_with_the_version_headers()
    {
        var response = await SendRawAsync("POST /api/v2/api-keys HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");

        AssertProblem(response, 413);
    }

    [Test]
    public async Task A_body_over_the_cap_is_a_413_problem_with_the_version_headers()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync("/api/v2/api-keys", TestApi.RawJson("{\"name\":\"" + new string('x', 1_100_000) + "\"}"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(response.Header("api-supported-versions"), Is.EqualTo("1.0, 2.0"));
        Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task The_kestrel_hosted_api_serves_requests_as_usual()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", QuoinApiFactory.AdminKey);

        var created = await client.PostAsJsonAsync("/api/v2/tenants", new { name = "Over Kestrel" });

        await created.AssertJsonAsync(HttpStatusCode.Created);
    }

    private static void AssertProblem(RawResponse response, int status)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(status), response.Text);
            Assert.That(response.Header("Content-Type"), Is.EqualTo("application/problem+json"));
            if (response.Header("Transfer-Encoding") is null)
            {
                Assert.That(response.Header("Content-Length"), Is.EqualTo(Encoding.UTF8.GetByteCount(response.Body).ToString(CultureInfo.InvariantCulture)));
            }

            Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(response.Header("X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(response.Header("Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(response.Header("Content-Security-Policy"), Is.EqualTo("default-src 'none'; frame-ancestors 'none'"));
            Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-store"));
            Assert.That(response.Header("api-supported-versions"), Is.EqualTo("1.0, 2.0"));
            Assert.That(response.Header("Server"), Is.Null);
            Assert.That(response.Header("X-Request-Id"), Does.Match("^[A-Za-z0-9._:-]{1,128}$"));
        }

        var problem = response.Problem;
        using (Assert.EnterMultipleScope())
        {
            foreach (var member in ResponseAssertions.ProblemMembers)
            {
                Assert.That(problem.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null, Is.True, $"'{member}' in {response.Body}");
            }

            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
            Assert.That(problem.GetProperty("traceId").GetString(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(problem.GetProperty("requestId").GetString(), Is.EqualTo(response.Header("X-Request-Id")));
        }
    }

    private async Task<RawResponse> SendRawAsync(string request) => RawResponse.ParseAll(await SendRawTextAsync(request)).Single();

    /// <summary>Sends the bytes as written and reads until the server closes the connection (it does after a rejection).</summary>
    private async Task<string> SendRawTextAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(ReadTimeout);
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the response (the server closes while unread request bytes remain) ends the read too.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    /// <summary>One HTTP/1.1 response as it came over the wire.</summary>
    private sealed record RawResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body, string Text)
    {
        public JsonElement Problem => JsonDocument.Parse(Body).RootElement.Clone();

        public string? Header(string name) => Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value).FirstOrDefault();

        /// <summary>Splits a stream of responses framed by Content-Length or chunked transfer coding (ASCII bodies).</summary>
        public static List<RawResponse> ParseAll(string raw)
        {
            var responses = new List<RawResponse>();
            var rest = raw;
            while (rest.Length > 0)
            {
                var end = rest.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                Assert.That(end, Is.GreaterThan(0), $"incomplete response: {rest}");
                var lines = rest[..end].Split("\r\n");
                var headers = lines.Skip(1).Select(line => line.Split(':', 2)).Select(p => KeyValuePair.Create(p[0].Trim(), p[1].Trim())).ToList();
                var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
                var position = end + 4;
                var body = new StringBuilder();
                if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value == "chunked"))
                {
                    while (true)
                    {
                        var lineEnd = rest.IndexOf("\r\n", position, StringComparison.Ordinal);
                        var size = int.Parse(rest[position..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        position = lineEnd + 2;
                        body.Append(rest, position, size);
                        position += size + 2;
                        if (size == 0)
                        {
                            break;
                        }
                    }
                }
                else
                {
                    var length = int.Parse(headers.Single(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value, CultureInfo.InvariantCulture);
                    body.Append(rest, position, length);
                    position += length;
                }

                responses.Add(new RawResponse(status, headers, body.ToString(), rest[..position]));
                rest = rest[position..];
            }

            return responses;
        }
    }
}
