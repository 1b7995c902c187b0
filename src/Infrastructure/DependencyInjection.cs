using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Abstractions;
#if (IncludeProducts)
using QuoinApi.Application.Products;
#endif
using QuoinApi.Application.Tenants;
#if (IncludeEvents)
using QuoinApi.Application.Webhooks;
using QuoinApi.Application.Events;
#endif
using QuoinApi.Infrastructure.Auditing;
using QuoinApi.Infrastructure.Caching;
#if (IncludeEvents)
using QuoinApi.Infrastructure.Events;
#endif
using QuoinApi.Infrastructure.Health;
using QuoinApi.Infrastructure.Idempotency;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Infrastructure.Persistence.Interceptors;
using QuoinApi.Infrastructure.Persistence.Repositories;
using QuoinApi.Infrastructure.RateLimiting;
using QuoinApi.Infrastructure.Security;
#if (IncludeEvents)
using QuoinApi.Infrastructure.Webhooks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
#endif
#if (IncludeRatePlans)
using QuoinApi.Infrastructure.Usage;
using QuoinApi.Application.RatePlans;
using QuoinApi.Application.Usage;
#endif

namespace QuoinApi.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.Configure<ApiKeyOptions>(configuration.GetSection(ApiKeyOptions.SectionName));
        services.AddOptions<ApiKeyAuthenticationOptions>()
            .Configure(options =>
            {
                configuration.GetSection(ApiKeyOptions.SectionName).Bind(options);
                options.BootstrapSecret = configuration["Bootstrap:AdminApiKey"] is { Length: > 0 } secret ? secret : null;
            })
            .Validate(options => options.BootstrapSecret is null || options.BootstrapSecret.Length >= Domain.ApiKeys.ApiKeySecret.BootstrapMinLength,
                $"Bootstrap:AdminApiKey needs at least {Domain.ApiKeys.ApiKeySecret.BootstrapMinLength} characters.")
            .ValidateOnStart();

        AddPersistence(services, configuration);

        services.AddMemoryCache();
        services.AddSingleton(provider => new RedisConnection(
            configuration.GetConnectionString("Redis"), provider.GetRequiredService<ILogger<RedisConnection>>()));
        // API keys are cached in two levels (HybridCache): this instance's memory, then Redis, under a prefix of the
        // database's name so that deployments sharing a Redis but not a database never read each other's entries.
        var database = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres")).Database ?? "quoinapi";
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(provider =>
            new RedisDistributedCache(provider.GetRequiredService<RedisConnection>(), $"quoin:cache:{database}:"));
        services.AddHybridCache();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<IApiKeyCacheInvalidator, TransactionalApiKeyCacheInvalidator>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiKeyCache>());
        services.AddSingleton<ApiKeyAuthenticator>();
        AddRateLimiting(services, configuration);
        services.AddSingleton<LiveTenantCache>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveTenantCache>());
        services.AddScoped<ITenantCacheInvalidator, TransactionalTenantCacheInvalidator>();
        services.AddSingleton<TenantLivenessCheck>();
        services.AddOptions<PagingOptions>()
            .Bind(configuration.GetSection(PagingOptions.SectionName))
            .Validate(options => options.TokenSigningKeys.All(key => key.Length >= 32), "Paging:TokenSigningKeys entries need at least 32 characters.")
            .ValidateOnStart();
        services.AddSingleton<IPageTokenProtector, HmacPageTokenProtector>();

        services.AddSingleton<PostgresReadinessCheck>();
        services.AddSingleton<RedisHealthCheck>();
#if (IncludeEvents)
        AddEventsAndWebhooks(services, configuration);
#endif
        return services;
    }

#if (IncludeEvents)
    /// <summary>The outbox relay, the event log and its stream, and webhook delivery (ADR 0040 to 0043).</summary>
    private static void AddEventsAndWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>()
            .Bind(configuration.GetSection(EventsOptions.SectionName))
            .Validate(o => o.RelayBatchSize > 0 && o.StreamPageSize > 0, "Events:RelayBatchSize and Events:StreamPageSize must be positive.")
            .Validate(o => o.Retention > TimeSpan.Zero, "Events:Retention must be positive.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .PostConfigure(o => o.RetrySchedule = o.RetrySchedule.Length == 0 ? WebhookOptions.DefaultRetrySchedule : o.RetrySchedule)
            .Validate(o => o.RetrySchedule.Length > 0 && o.RetrySchedule[0] <= TimeSpan.FromSeconds(30) && o.RetrySchedule.All(t => t >= TimeSpan.Zero),
                "Webhooks:RetrySchedule needs at least one wait, the first at most 30 s.")
            .Validate(o => o.RetryJitter is >= 0 and < 1, "Webhooks:RetryJitter is a fraction in [0, 1).")
            .Validate(o => o.MaxConcurrentDeliveries > 0 && o.MaxResponseBytes > 0, "Webhooks:MaxConcurrentDeliveries and MaxResponseBytes must be positive.")
            .ValidateOnStart();

        services.AddScoped<IEventOutbox, EventOutbox>();
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<IWebhookUrlGuard>(provider => provider.GetRequiredService<WebhookUrlGuard>());
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<WebhookDeliveryWorker>();
        services.AddSingleton<EventStreamHub>();
        services.AddSingleton<IEventStream>(provider => provider.GetRequiredService<EventStreamHub>());

        // No redirects (a receiver could point the API at an internal address), connections only to vetted public
        // addresses, no cookies; a per-attempt timeout and a circuit breaker per receiver host (ADR 0042).
        services.AddHttpClient(WebhookDeliveryWorker.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = provider.GetRequiredService<WebhookUrlGuard>().ConnectAsync,
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("webhook-delivery", (pipeline, context) =>
            {
                var webhooks = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 20,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(webhooks.AttemptTimeout);
            })
            .SelectPipelineByAuthority();

        services.AddHostedService(provider => provider.GetRequiredService<OutboxRelay>());
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDeliveryWorker>());
        services.AddHostedService<PostgresNotificationListener>();
        services.AddHostedService<EventLogPurgeService>();
    }

#endif
    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration)
    {
#if (IncludeRatePlans)
        services.AddOptions<RatePlanOptions>()
            .Bind(configuration.GetSection(RatePlanOptions.SectionName))
            .Validate(options => options.IsValid(), "Every rate plan needs a positive RequestsPerSecond, Burst and MonthlyQuota.")
            .ValidateOnStart();
#endif
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(options => options.AnonymousRequestsPerSecond > 0 && options.AnonymousBurst > 0,
                "RateLimiting:AnonymousRequestsPerSecond and AnonymousBurst must be positive.")
#if (IncludeRatePlans)
            .Validate(options => options.PermitBatchMilliseconds is >= 0 and <= 1000,
                "RateLimiting:PermitBatchMilliseconds must be between 0 and 1000.")
#endif
            .ValidateOnStart();
#if (IncludeRatePlans)
        services.AddOptions<UsageOptions>()
            .Bind(configuration.GetSection(UsageOptions.SectionName))
            .Validate(options => options.FlushInterval > TimeSpan.Zero, "Usage:FlushInterval must be positive.")
            .ValidateOnStart();
#endif
        services.AddSingleton<ClientAddressLimiter>();
#if (IncludeRatePlans)
        services.AddSingleton<LocalTenantLimiter>();
        services.AddSingleton<LocalUsageCounter>();
        services.AddSingleton<TenantRateLimiter>();
        services.AddSingleton<QuotaWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<QuotaWatcher>());
        services.AddScoped<IQuotaAlertLedger, PostgresQuotaAlertLedger>();
        services.AddSingleton<UsageFlusher>();
        services.AddHostedService(provider => provider.GetRequiredService<UsageFlusher>());
#endif
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration)
    {
        var primary = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required.");
        var replica = configuration.GetConnectionString("PostgresReadOnly");

        // One data source (one pool) per connection string, sized deliberately (ADR 0005).
        services.AddKeyedSingleton(DataSourceKeys.Primary, (provider, _) => BuildDataSource(provider, primary, DataSourceKeys.Primary));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKeys.Primary));
        services.AddKeyedSingleton(DataSourceKeys.ReadOnly, (provider, _) => string.IsNullOrWhiteSpace(replica)
            ? provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKeys.Primary)
            : BuildDataSource(provider, replica, DataSourceKeys.ReadOnly));

        // The commit-ordered workers on a pool of their own: on the shared one each batch ran on whichever connection was
        // free, and PostgreSQL parsed and planned the relay's statement afresh on each of them (2.3 ms, as long as running
        // it). Here it stays prepared on a few warm connections. Their contexts need no interceptors: they save nothing.
        services.AddKeyedSingleton(DataSourceKeys.Workers, (provider, _) => BuildDataSource(provider, primary, DataSourceKeys.Workers,
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.WorkerPoolSize));
        services.AddKeyedSingleton<IDbContextFactory<QuoinDbContext>>(DataSourceKeys.Workers, (provider, _) =>
        {
            var options = new DbContextOptionsBuilder<QuoinDbContext>();
            ConfigureNpgsql(options, provider, provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKeys.Workers));
            return new PooledDbContextFactory<QuoinDbContext>(options.Options);
        });

        // Pooled contexts (ADR 0005): options, model and internal services are built once, not per request.
        services.AddSingleton<AuditFieldsInterceptor>();
        services.AddSingleton<AppendedRowsInterceptor>();
#if (IncludeEvents)
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DomainEventOutboxInterceptor>();
#endif
        services.AddPooledDbContextFactory<QuoinDbContext>((provider, options) =>
        {
            ConfigureNpgsql(options, provider, provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKeys.Primary));

#if (IncludeEvents)
            // In this order: the outbox reads the audit fields the first one stamps, and appends rows the last one places.
            options.AddInterceptors(provider.GetRequiredService<AuditFieldsInterceptor>(), provider.GetRequiredService<DomainEventOutboxInterceptor>(),
                provider.GetRequiredService<AppendedRowsInterceptor>());
#else
            options.AddInterceptors(provider.GetRequiredService<AuditFieldsInterceptor>(), provider.GetRequiredService<AppendedRowsInterceptor>());
#endif
        });
        services.AddPooledDbContextFactory<ReadDbContext>((provider, options) =>
        {
            ConfigureNpgsql(options, provider, provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKeys.ReadOnly));
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        services.AddScoped(PooledContexts.Lease<QuoinDbContext>);
        services.AddScoped(PooledContexts.Lease<ReadDbContext>);
        services.AddScoped<IReadDbContext>(provider => provider.GetRequiredService<ReadDbContext>());
        AddRepositories(services);
        services.AddScoped<TransactionManager>();
        services.AddScoped<ITransactionManager>(provider => provider.GetRequiredService<TransactionManager>());
        services.AddSingleton<IPersistenceExceptionTranslator, PostgresExceptionTranslator>();
        services.AddScoped<IAuditTrail, PostgresAuditTrail>();
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.SectionName));
        services.AddSingleton<AuditSealer>();
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(options => string.IsNullOrEmpty(options.ResponseEncryptionKey) || options.ResponseEncryptionKey.Length >= 32,
                "Idempotency:ResponseEncryptionKey needs at least 32 characters.")
            .ValidateOnStart();
        services.AddSingleton<ResponseProtector>();
        services.AddScoped<IIdempotencyStore, PostgresIdempotencyStore>();
#if (IncludeProducts)
        services.AddSingleton<IProductTextSearch, ProductTextSearch>();
#endif

        // The initializer first: background services wait for the DatabaseReadiness it opens.
        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<IdempotencyPurgeService>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditSealer>());
    }

    /// <summary>
    /// Every repository of Persistence/Repositories, scoped, for the Application interfaces it implements: a module's
    /// repository is registered without a line here.
    /// </summary>
    private static void AddRepositories(IServiceCollection services)
    {
        var repositories = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.Namespace == typeof(TenantRepository).Namespace
                && type.Name.EndsWith("Repository", StringComparison.Ordinal));
        foreach (var repository in repositories)
        {
            foreach (var service in repository.GetInterfaces().Where(i => i.Assembly == typeof(ITenantRepository).Assembly))
            {
                services.AddScoped(service, repository);
            }
        }
    }

    private static readonly string? MigrationsAssembly = typeof(QuoinDbContext).Assembly.GetName().Name;

    private static void ConfigureNpgsql(DbContextOptionsBuilder options, IServiceProvider provider, NpgsqlDataSource dataSource)
    {
        var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        options.UseNpgsql(dataSource, npgsql =>
        {
            npgsql.MigrationsAssembly(MigrationsAssembly);
            npgsql.CommandTimeout(database.CommandTimeoutSeconds);
        });
        options.ReplaceService<IModificationCommandBatchFactory, AtomicBatchFactory>();
    }

    /// <summary>
    /// Builds a named pool (of <paramref name="poolSize"/> connections when given, whatever the connection string says).
    /// The name is what metrics and logs show (db.client.connection.pool.name); without one, Npgsql
    /// names the pool by its connection string, which would publish host, user and database on /metrics.
    /// </summary>
    private static NpgsqlDataSource BuildDataSource(IServiceProvider provider, string connectionString, string name, int? poolSize = null)
    {
        var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        var settings = builder.ConnectionStringBuilder;

        // Explicit settings in the connection string win; otherwise the deliberate defaults of DatabaseOptions.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (poolSize is { } size)
        {
            settings.MaxPoolSize = size;
            settings.MinPoolSize = Math.Min(settings.MinPoolSize, size);
        }
        else if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize"))
        {
            settings.MaxPoolSize = database.MaxPoolSize;
        }

        if (!given.Contains("Timeout"))
        {
            settings.Timeout = database.ConnectTimeoutSeconds;
        }

        settings.ApplicationName ??= "quoinapi";

        // The same command timeout as EF Core's: Npgsql applies the connection's own one to its internal commands (the
        // reset when a connection goes back to the pool), and each change of timeout is a setsockopt system call.
        if (!given.Contains("CommandTimeout"))
        {
            settings.CommandTimeout = database.CommandTimeoutSeconds;
        }

        // No DISCARD ALL when a connection goes back to the pool: the API keeps no session state (its advisory locks
        // are transaction-scoped), so the reset is pure overhead on every checkout (ADR 0005).
        if (!given.Contains("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        // The API sends a few dozen distinct statements over and over: prepared once per connection, PostgreSQL skips
        // parsing and planning them on every execution (ADR 0005).
        if (!given.Contains("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = database.MaxAutoPrepare;
        }
        builder.UseLoggerFactory(provider.GetService<ILoggerFactory>());
        return builder.Build();
    }
}
