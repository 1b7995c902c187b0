using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>
/// While alive, counts the transactions EF Core starts and commits (its diagnostic events) and the write batches
/// Npgsql sends (its trace activities: one per round trip). Integration tests run one at a time, and no host runs
/// background workers here, so what it sees is the test's own work.
/// </summary>
internal sealed class EfCoreEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _listeners;
    private readonly ActivityListener _npgsql;
    private readonly List<IDisposable> _subscriptions = [];
    private int _started, _committed, _writeBatches;

    public EfCoreEvents()
    {
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        _npgsql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.query.text") is string sql
                    && (sql.StartsWith("INSERT", StringComparison.Ordinal) || sql.StartsWith("UPDATE", StringComparison.Ordinal)
                        || sql.StartsWith("DELETE", StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref _writeBatches);
                }
            },
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    public int TransactionsStarted => Volatile.Read(ref _started);

    public int TransactionsCommitted => Volatile.Read(ref _committed);

    /// <summary>Round trips that wrote (a batch's text starts with its first statement).</summary>
    public int WriteBatches => Volatile.Read(ref _writeBatches);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionStarted.Name)
        {
            Interlocked.Increment(ref _started);
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name)
        {
            Interlocked.Increment(ref _committed);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        _npgsql.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
