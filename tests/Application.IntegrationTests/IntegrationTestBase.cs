using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Auditing;
#if (IncludeEvents)
using QuoinApi.Infrastructure.Events;
#endif
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests;

/// <summary>
/// Sends requests through the real MediatR pipeline (or straight to their handler), each in its own DI scope (one
/// request = one unit of work), as a given tenant. The database is emptied before every test, and the recorded text
/// searches with it.
/// </summary>
public abstract class IntegrationTestBase
{
    protected static TestDatabase Database => IntegrationTestSetup.Database;

    protected static FakeTimeProvider Clock => IntegrationTestSetup.Clock;

#if (IncludeProducts)
    /// <summary>The texts the product list searched for, through the real PostgreSQL full-text search.</summary>
    protected static RecordingProductTextSearch TextSearches => IntegrationTestSetup.Services.GetRequiredService<RecordingProductTextSearch>();

#endif
    [SetUp]
    public Task ResetDatabaseAsync()
    {
#if (IncludeProducts)
        TextSearches.Clear();
#endif
        return Database.ResetAsync();
    }

    protected static Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request, Guid? tenantId = null, params string[] scopes) =>
        SendWithKeyAsync(request, idempotencyKey: null, tenantId, scopes);

    /// <summary>
    /// Calls the request's handler directly, as the handler tests of the unit-test project do, but over the real
    /// repositories and read side on PostgreSQL. Of the pipeline only the unit of work runs, around a command: handlers
    /// never save, its commit writes what they left tracked (and answers a unique rule they named with their error).
    /// <paramref name="overrides"/> replace the handler's dependencies of the same type (say, a recording cache invalidator).
    /// </summary>
    protected static async Task<Result<T>> HandleAsync<T>(IRequest<Result<T>> request, Guid? tenantId, string[] scopes, params object[] overrides)
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        SetCaller(scope.ServiceProvider, tenantId, scopes);
        var handlerType = typeof(IRequestHandler<,>).MakeGenericType(request.GetType(), typeof(Result<T>));
        var registered = scope.ServiceProvider.GetRequiredService(handlerType);
        var handler = overrides.Length == 0 ? registered : ActivatorUtilities.CreateInstance(scope.ServiceProvider, registered.GetType(), overrides);
        var handle = handlerType.GetMethod(nameof(IRequestHandler<IRequest<Result<T>>, Result<T>>.Handle))!;
        Task<Result<T>> Handler() => (Task<Result<T>>)handle.Invoke(handler, [request, CancellationToken.None])!;
        if (request is not ICommandBase)
        {
            return await Handler(); // queries run without a unit of work, as in the pipeline
        }

        var unitOfWorkType = typeof(UnitOfWorkBehavior<,>).MakeGenericType(request.GetType(), typeof(Result<T>));
        var unitOfWork = ActivatorUtilities.CreateInstance(scope.ServiceProvider, unitOfWorkType);
        var run = unitOfWorkType.GetMethod(nameof(IPipelineBehavior<IRequest<Result<T>>, Result<T>>.Handle))!;
        return await (Task<Result<T>>)run.Invoke(unitOfWork, [request, CancellationToken.None, (RequestHandlerDelegate<Result<T>>)Handler])!;
    }

    /// <summary>
    /// Runs each of <paramref name="batches"/> (one worker's batch, -1 when it stood back for another holding the lock)
    /// in a loop on a thread of its own while <paramref name="work"/> runs, and after it until some batch stood back,
    /// for at most 10 s: on a quiet machine the work can be over before the loops ever overlapped. Returns how many
    /// batches stood back, for the test to assert that the workers did run at the same time.
    /// </summary>
    protected static async Task<int> RunSideBySideAsync(IEnumerable<Func<Task<int>>> batches, Func<Task> work)
    {
        using var stop = new CancellationTokenSource();
        var stoodBack = 0;
        var loops = batches.Select(batch => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await batch() < 0)
                {
                    Interlocked.Increment(ref stoodBack);
                }
            }
        })).ToArray();

        await work();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref stoodBack) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(loops);
        return stoodBack;
    }

    /// <summary>Runs <paramref name="action"/> in a scope of its own as the given caller, e.g. to ask a repository.</summary>
    protected static async Task<T> AsCallerAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        SetCaller(scope.ServiceProvider, tenantId, []);
        return await action(scope.ServiceProvider);
    }

    /// <summary>As the API does for a POST or PATCH carrying <c>Idempotency-Key</c>.</summary>
    protected static async Task<Result<T>> SendWithKeyAsync<T>(IRequest<Result<T>> request, string? idempotencyKey, Guid? tenantId = null, params string[] scopes)
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().IdempotencyKey = idempotencyKey;
        SetCaller(scope.ServiceProvider, tenantId, scopes);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>The caller, as the API would set it from the key or token: every scope unless others are given.</summary>
    private static void SetCaller(IServiceProvider services, Guid? tenantId, string[] scopes)
    {
        var principal = services.GetRequiredService<TestPrincipal>();
        principal.TenantId = tenantId;
        principal.ActorId = "test-actor";
        principal.Scopes = (scopes.Length == 0 ? Domain.Common.Scopes.All : scopes).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs the audit sealer (no host runs it here) until no committed entry is left unsealed. A pass may leave entries
    /// for later while another transaction on the cluster is still open below them, so it retries briefly.
    /// </summary>
    protected static async Task SealAuditAsync(AuditSealer? sealer = null)
    {
        sealer ??= IntegrationTestSetup.Services.GetRequiredService<AuditSealer>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await sealer.SealCommittedAsync(CancellationToken.None);
            if (await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE sequence IS NULL") == 0)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "Committed audit entries were not sealed within 15 s.");
            await Task.Delay(10);
        }
    }

#if (IncludeEvents)
    /// <summary>
    /// Runs the outbox relay (no host runs it here) until every committed event is published, retrying briefly while
    /// another transaction on the cluster holds the commit horizon back.
    /// </summary>
    protected static async Task PublishEventsAsync(OutboxRelay? relay = null)
    {
        relay ??= IntegrationTestSetup.Services.GetRequiredService<OutboxRelay>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await relay.PublishCommittedAsync(CancellationToken.None);
            if (await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE position IS NULL") == 0)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "Committed events were not published within 15 s.");
            await Task.Delay(10);
        }
    }

#endif
    /// <summary>Creates a tenant as a platform administrator would and returns its id.</summary>
    protected static async Task<Guid> CreateTenantAsync(string name = "Acme")
    {
        return ResultAssert.Succeeded(await SendAsync(new Application.Tenants.CreateTenant.CreateTenantCommand(name))).Id;
    }
}
