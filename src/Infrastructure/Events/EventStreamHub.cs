using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;
using QuoinApi.Application.Events;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Serves the live streams of this instance (ADR 0043). Every instance hears the relay's publications over
/// <c>LISTEN/NOTIFY</c> (<see cref="PostgresNotificationListener"/>) and wakes its streams; each stream then reads the
/// event log after its own position, a page at a time. So nothing is pushed into a per-connection queue: a slow
/// reader holds one page and one pending wake-up, never a growing buffer, and resuming from <c>Last-Event-ID</c> is
/// the same read from an older position.
/// </summary>
internal sealed class EventStreamHub(NpgsqlDataSource dataSource, IOptions<EventsOptions> options) : IEventStream
{
    private const string HeadSql = "SELECT coalesce(max(position), 0) FROM events";

    private const string PositionOfSql = "SELECT position FROM events WHERE id = $1 AND tenant_id = $2 AND position IS NOT NULL";

    private const string PageSql = """
        SELECT id, type, occurred_at, data::text, position FROM events
        WHERE tenant_id = $1 AND position > $2 AND target_subscription_id IS NULL
        ORDER BY position
        LIMIT $3
        """;

    private readonly ConcurrentDictionary<SemaphoreSlim, byte> _streams = new();

    /// <summary>The relay published up to a new position: every stream of this instance reads on.</summary>
    public void Published()
    {
        foreach (var signal in _streams.Keys)
        {
            if (signal.CurrentCount == 0)
            {
                try
                {
                    signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already signalled: one read serves both.
                }
            }
        }
    }

    /// <summary>How many streams this instance serves.</summary>
    public int Count => _streams.Count;

    public async IAsyncEnumerable<StreamedEvent> ReadAsync(Guid tenantId, Guid? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var signal = new SemaphoreSlim(0, 1);
        _streams.TryAdd(signal, 0);
        try
        {
            var position = await StartAsync(tenantId, lastEventId, cancellationToken);
            var pageSize = options.Value.StreamPageSize;
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = await ReadPageAsync(tenantId, position, pageSize, cancellationToken);
                foreach (var (streamed, at) in page)
                {
                    position = at;
                    yield return streamed;
                }

                if (page.Count == pageSize)
                {
                    continue;
                }

                bool woken;
                try
                {
                    woken = await signal.WaitAsync(options.Value.StreamHeartbeat, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (!woken)
                {
                    yield return StreamedEvent.Heartbeat;
                }
            }
        }
        finally
        {
            _streams.TryRemove(signal, out _);
        }
    }

    private async Task<long> StartAsync(Guid tenantId, Guid? lastEventId, CancellationToken cancellationToken)
    {
        if (lastEventId is { } id)
        {
            await using var find = dataSource.CreateCommand(PositionOfSql);
            find.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            find.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });

            // An id the log no longer (or never) held: replay what is retained rather than silently skip events.
            return await find.ExecuteScalarAsync(cancellationToken) is long known ? known : 0;
        }

        await using var head = dataSource.CreateCommand(HeadSql);
        return (long)(await head.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<(StreamedEvent Event, long Position)>> ReadPageAsync(Guid tenantId, long after, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PageSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<(StreamedEvent, long)>(pageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var type = reader.GetString(1);
            var envelope = EventEnvelope.Write(id, type, reader.GetFieldValue<DateTimeOffset>(2), tenantId, reader.GetString(3));
            page.Add((new StreamedEvent(id, type, envelope), reader.GetInt64(4)));
        }

        return page;
    }
}
