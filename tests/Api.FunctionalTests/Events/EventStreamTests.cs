using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Events;

/// <summary>
/// The live stream (Server-Sent Events): what a client sees, and how it resumes with Last-Event-ID. The events are API
/// keys' (<c>api_key.created</c>), which every solution the template generates raises.
/// </summary>
public sealed class EventStreamTests : FunctionalTestBase
{
    private const string Stream = "/api/v2/events/stream";

    [Test]
    public async Task A_client_sees_a_new_event_and_on_reconnecting_gets_exactly_what_it_missed()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var other = await Factory.CreateTenantAsync("Other");
        await using var otherStream = await SseClient.OpenAsync(other.Http, Stream);

        StreamEvent seen;
        await using (var stream = await SseClient.OpenAsync(tenant.Http, Stream))
        {
            Assert.That(stream.ContentType, Is.EqualTo("text/event-stream"));
            var first = (await tenant.Http.CreateApiKeyAsync(["audit:read"], name: "SSE-1")).Id;
            // The owner key's api_key.created may still be on its way: it comes first, in commit order.
            seen = await stream.NextEventAsync();
            if (seen.Data["data"]!["id"]!.GetValue<string>() == tenant.OwnerKeyId.ToString())
            {
                seen = await stream.NextEventAsync();
            }

            Assert.That(seen.Data["data"]!["id"]!.GetValue<string>(), Is.EqualTo(first.ToString()));
        }

        var second = (await tenant.Http.CreateApiKeyAsync(["audit:read"], name: "SSE-2")).Id;
        var third = (await tenant.Http.CreateApiKeyAsync(["audit:read"], name: "SSE-3")).Id;

        await using var resumed = await SseClient.OpenAsync(tenant.Http, Stream, lastEventId: seen.Id);
        var missed = new[] { await resumed.NextEventAsync(), await resumed.NextEventAsync() };
        var nothingMore = await resumed.NextEventOrNullAsync(TimeSpan.FromSeconds(1.5));
        var otherSaw = new List<StreamEvent>();
        while (await otherStream.NextEventOrNullAsync(TimeSpan.FromSeconds(0.5)) is { } seenByOther)
        {
            otherSaw.Add(seenByOther);
        }


        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen.Type, Is.EqualTo("api_key.created"));
            Assert.That(seen.Data["id"]!.GetValue<string>(), Is.EqualTo(seen.Id));
            Assert.That(seen.Data["tenantId"]!.GetValue<string>(), Is.EqualTo(tenant.TenantId.ToString()));
            Assert.That(missed.Select(e => e.Data["data"]!["id"]!.GetValue<string>()), Is.EqualTo(new[] { second.ToString(), third.ToString() }));
            Assert.That(missed.Select(e => e.Type), Is.All.EqualTo("api_key.created"));
            Assert.That(nothingMore, Is.Null, "nothing beyond what was missed");
            Assert.That(resumed.Heartbeats, Is.GreaterThanOrEqualTo(1), "an idle stream sends heartbeats");
            Assert.That(otherSaw.Select(e => e.Data["tenantId"]!.GetValue<string>()), Is.All.EqualTo(other.TenantId.ToString()),
                "another tenant's stream shows nothing of this tenant's");
        }
    }

    [Test]
    public async Task The_stream_needs_events_read_and_a_well_formed_last_event_id()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var key = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var unscoped = Factory.CreateClient(key.Key);
        using var malformed = new HttpRequestMessage(HttpMethod.Get, Stream) { Headers = { { "Last-Event-ID", "not-an-id" } } };

        await (await unscoped.GetAsync(Stream)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Http.SendAsync(malformed)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>One parsed Server-Sent Event.</summary>
    private sealed record StreamEvent(string? Id, string Type, JsonNode Data);

    /// <summary>Reads a stream's events as they arrive, in the background.</summary>
    private sealed class SseClient : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly CancellationTokenSource _stop = new();
        private readonly Channel<StreamEvent> _events = Channel.CreateUnbounded<StreamEvent>();
        private readonly Task _reading;
        private int _heartbeats;

        private SseClient(HttpResponseMessage response)
        {
            _response = response;
            _reading = Task.Run(ReadAsync);
        }

        public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

        public int Heartbeats => Volatile.Read(ref _heartbeats);

        public static async Task<SseClient> OpenAsync(HttpClient client, string url, string? lastEventId = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return new SseClient(response);
        }

        public async Task<StreamEvent> NextEventAsync() =>
            await NextEventOrNullAsync(TimeSpan.FromSeconds(20)) ?? throw new AssertionException("No event within 20 s.");

        public async Task<StreamEvent?> NextEventOrNullAsync(TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                return await _events.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        private async Task ReadAsync()
        {
            try
            {
                await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
                using var reader = new StreamReader(body);
                string? id = null, type = null, data = null;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.Length == 0)
                    {
                        if (type == "heartbeat")
                        {
                            Interlocked.Increment(ref _heartbeats);
                        }
                        else if (data is not null)
                        {
                            await _events.Writer.WriteAsync(new StreamEvent(id, type ?? "message", JsonNode.Parse(data)!));
                        }

                        id = type = data = null;
                        continue;
                    }

                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    var field = colon < 0 ? line : line[..colon];
                    var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
                    switch (field)
                    {
                        case "id": id = value; break;
                        case "event": type = value; break;
                        case "data": data = data is null ? value : data + "\n" + value; break;
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
            {
                // Disconnected by the test.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _response.Dispose();
            await _reading;
            _stop.Dispose();
        }
    }
}
