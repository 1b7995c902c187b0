using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>
/// A real HTTP receiver on loopback (HttpListener): records every request and answers with the statuses it is told,
/// in order (200 once they run out), optionally redirecting.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;

    public WebhookReceiver(params int[] statuses)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }

        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public int Port => new Uri(Url).Port;

    /// <summary>Where 3xx answers point (Location).</summary>
    public string? RedirectTo { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests have arrived in all (fails after 20 s).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.That(left, Is.GreaterThan(TimeSpan.Zero), $"{count} webhook requests did not arrive within 20 s (got {Received.Count}).");
            await _arrived.WaitAsync(left);
        }

        return Received;
    }

    public void Enqueue(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            var status = _statuses.TryDequeue(out var next) ? next : 200;
            lock (_received)
            {
                _received.Add(new ReceivedWebhook(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, status));
            }

            context.Response.StatusCode = status;
            if (status is >= 300 and < 400 && RedirectTo is not null)
            {
                context.Response.RedirectLocation = RedirectTo;
            }

            context.Response.Close();
            _arrived.Release();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _arrived.Dispose();
    }
}
