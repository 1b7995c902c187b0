using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Audit;
#if (IncludeEvents)
using QuoinApi.Domain.Events;
#endif
#if (IncludeProducts)
using QuoinApi.Domain.Products;
#endif
using QuoinApi.Domain.Tenants;
#if (IncludeEvents)
using QuoinApi.Domain.Webhooks;
#endif

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The query side: a separate (pooled) context with no change tracking, on the read replica when
/// <c>ConnectionStrings:PostgresReadOnly</c> is set and on the primary otherwise.
/// </summary>
public sealed class ReadDbContext(DbContextOptions<ReadDbContext> options) : QuoinDbContext(options), IReadDbContext
{
    IQueryable<Tenant> IReadDbContext.Tenants => Tenants.AsNoTracking();

    IQueryable<ApiKey> IReadDbContext.ApiKeys => ApiKeys.AsNoTracking();

#if (IncludeProducts)
    IQueryable<Product> IReadDbContext.Products => Products.AsNoTracking();

#endif
    IQueryable<AuditEntry> IReadDbContext.AuditEntries => AuditEntries.AsNoTracking();

#if (IncludeEvents)
    IQueryable<WebhookSubscription> IReadDbContext.WebhookSubscriptions => WebhookSubscriptions.AsNoTracking();

    IQueryable<WebhookDelivery> IReadDbContext.WebhookDeliveries => WebhookDeliveries.AsNoTracking();

    IQueryable<EventLogEntry> IReadDbContext.EventLog => EventLog.AsNoTracking().Where(e => e.Position != null);

#endif
#if (IncludeRatePlans)
    IQueryable<ApiKeyDailyUsage> IReadDbContext.ApiKeyUsage => ApiKeyUsage.AsNoTracking();
#endif

    IQueryable<TEntity> IReadDbContext.Query<TEntity>() => Set<TEntity>().AsNoTracking();

    Task<TResult> IReadDbContext.RunAsync<TArgument, TResult>(
        Func<DbContext, TArgument, CancellationToken, Task<TResult>> compiledQuery, TArgument argument, CancellationToken cancellationToken) =>
        compiledQuery(this, argument, cancellationToken);
}
