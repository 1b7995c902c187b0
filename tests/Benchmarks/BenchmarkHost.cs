using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure;
using QuoinApi.Testing;

namespace QuoinApi.Benchmarks;

/// <summary>Application + Infrastructure over a real PostgreSQL database, acting as one tenant.</summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(TestDatabase database, ServiceProvider services, Guid tenantId)
    {
        Database = database;
        Services = services;
        TenantId = tenantId;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public Guid TenantId { get; }

    public static async Task<BenchmarkHost> StartAsync(string databaseName)
    {
        var database = await TestDatabase.CreateAsync(databaseName);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(configuration);
        var tenantId = Guid.CreateVersion7();
        services.AddScoped<ICurrentPrincipal>(_ => new TenantPrincipal(tenantId));
        var provider = services.BuildServiceProvider();
#if (IncludeRatePlans)
        await database.ScalarAsync<int>(
            "INSERT INTO tenants (id, name, rate_plan, created_at, updated_at) VALUES ($1, 'Bench', 'pro', now(), now()) RETURNING 1", tenantId);
#else
        await database.ScalarAsync<int>(
            "INSERT INTO tenants (id, name, created_at, updated_at) VALUES ($1, 'Bench', now(), now()) RETURNING 1", tenantId);
#endif
        return new BenchmarkHost(database, provider, tenantId);
    }

    public async Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class TenantPrincipal(Guid tenantId) : ICurrentPrincipal
    {
        public bool IsAuthenticated => true;

        public Guid? TenantId => tenantId;

        public string? ActorId => "benchmark";

        public IReadOnlySet<string> Scopes { get; } = Domain.Common.Scopes.All.ToHashSet();
    }
}
