using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace QuoinApi.Infrastructure.Persistence;

#if (IncludeEvents)
/// <summary>
/// Background work over rows in commit order, one worker at a time across every instance (ADR 0014, ADR 0040): the
/// audit sealer and the outbox relay. Each row carries its writer's transaction id (<c>tx_id xid8 DEFAULT
/// pg_current_xact_id()</c>); a batch takes only rows below <see cref="CommittedHorizon"/>, where every transaction
/// has finished, in <c>(tx_id, id)</c> order, so no row can still appear before the ones processed. A transaction
/// advisory lock makes one worker run at a time, and the batch commits with its effects, so a worker killed mid-batch
/// leaves nothing half done.
/// </summary>
/// <remarks>
/// Scheduling: a pass runs when the worker is woken (after a commit on this instance, or by another instance's
/// notification), after a short debounce that gathers further commits into the same batch, and at the latest after
/// the polling interval. Nothing runs before the database is migrated (<see cref="DatabaseReadiness"/>); on shutdown
/// the worker stops claiming at once. Scheduling uses real time, never the injected clock: a test's frozen clock must
/// not stop it.
/// </remarks>
#else
/// <summary>
/// Background work over rows in commit order, one worker at a time across every instance (ADR 0014): the audit
/// sealer. Each row carries its writer's transaction id (<c>tx_id xid8 DEFAULT pg_current_xact_id()</c>); a batch
/// takes only rows below <see cref="CommittedHorizon"/>, where every transaction has finished, in <c>(tx_id, id)</c>
/// order, so no row can still appear before the ones processed. A transaction advisory lock makes one worker run at
/// a time, and the batch commits with its effects, so a worker killed mid-batch leaves nothing half done.
/// </summary>
/// <remarks>
/// Scheduling: a pass runs when the worker is woken (after a commit on this instance), after a short debounce that
/// gathers further commits into the same batch, and at the latest after the polling interval (rows another instance
/// wrote). Nothing runs before the database is migrated (<see cref="DatabaseReadiness"/>); on shutdown the worker
/// stops claiming at once. Scheduling uses real time, never the injected clock: a test's frozen clock must not stop it.
/// </remarks>
#endif
public abstract partial class CommitOrderedWorker(DatabaseReadiness readiness, ILogger logger) : BackgroundService
{
    /// <summary>The condition a row's <c>tx_id</c> meets once its transaction, and every older one, has finished.</summary>
    public const string CommittedHorizon = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    private readonly SemaphoreSlim _wake = new(0, 1);
    private Func<CancellationToken, Task>? _wakeAfterCommit;

    /// <summary>Queued after a command's commit; one cached delegate, so a command allocates nothing for it.</summary>
    internal Func<CancellationToken, Task> WakeAfterCommit => _wakeAfterCommit ??= _ =>
    {
        Wake();
        return Task.CompletedTask;
    };

    /// <summary>The advisory lock's name: one worker of this kind runs at a time across the cluster.</summary>
    protected abstract string LockName { get; }

    protected abstract int BatchSize { get; }

    /// <summary>The longest the worker sleeps when nothing woke it (rows written by a process that died before waking it).</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>After a wake-up, how long to gather further commits into the same batch.</summary>
    protected abstract TimeSpan Debounce { get; }

    /// <summary>Processes at most <see cref="BatchSize"/> rows under the lock, inside <paramref name="transaction"/>; returns how many.</summary>
    protected abstract Task<int> ProcessBatchAsync(QuoinDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Creates the context a batch runs on.</summary>
    protected abstract Task<QuoinDbContext> CreateContextAsync(CancellationToken cancellationToken);

    /// <summary>Called when a pass found the lock held by another instance's worker (which may have missed this instance's rows).</summary>
    protected virtual Task OnLockBusyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks for a pass soon.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken twice at once: one pass serves both.
            }
        }
    }

    /// <summary>Processes everything committed so far (batch after batch); returns how many rows.</summary>
    public async Task<int> ProcessCommittedAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int count;
        do
        {
            count = await ProcessOneBatchAsync(cancellationToken);
            total += Math.Max(count, 0);
        }
        while (count == BatchSize);

        return total;
    }

    /// <summary>One batch in one transaction. Returns the number processed, or -1 when another worker holds the lock.</summary>
    public async Task<int> ProcessOneBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await CreateContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({LockName}, 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return -1;
        }

        var count = await ProcessBatchAsync(db, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await PassAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception exception) when (
                exception is NpgsqlException or DbUpdateException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The database is down or not migrated yet: nothing is lost (rows wait in their table), so retry calmly.
                failures++;
                LogPassFailed(logger, GetType().Name, exception.GetType().Name, exception.Message);
            }

            try
            {
                // Lock busy: the other worker may have read before this instance's commit; look again soon.
                var idle = failures > 0 ? TimeSpan.FromSeconds(Math.Min(30, failures * 2)) : busy ? Debounce * 4 : PollInterval;
                await _wake.WaitAsync(idle, stoppingToken);
                await Task.Delay(Debounce, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Runs batches until caught up; true when another instance held the lock.</summary>
    private async Task<bool> PassAsync(CancellationToken stoppingToken)
    {
        int count;
        do
        {
            count = await ProcessOneBatchAsync(stoppingToken);
        }
        while (count == BatchSize && !stoppingToken.IsCancellationRequested);

        if (count < 0)
        {
            await OnLockBusyAsync(stoppingToken);
            return true;
        }

        return false;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} pass failed ({Error}: {Reason}); its rows stay recorded and are processed on a later pass.")]
    private static partial void LogPassFailed(ILogger logger, string worker, string error, string reason);
}
