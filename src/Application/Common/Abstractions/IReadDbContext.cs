using Microsoft.EntityFrameworkCore;
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

namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// The read side for query handlers: untracked, tenant-filtered and soft-delete-filtered queryables that they project
/// straight to DTOs. May be served by a read replica.
/// </summary>
public interface IReadDbContext
{
    IQueryable<Tenant> Tenants { get; }

    IQueryable<ApiKey> ApiKeys { get; }

#if (IncludeProducts)
    IQueryable<Product> Products { get; }

#endif
    IQueryable<AuditEntry> AuditEntries { get; }

#if (IncludeEvents)
    IQueryable<WebhookSubscription> WebhookSubscriptions { get; }

    IQueryable<WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>Published events only (the tenant's event log), never what still waits in the outbox.</summary>
    IQueryable<EventLogEntry> EventLog { get; }

#endif
#if (IncludeRatePlans)
    IQueryable<ApiKeyDailyUsage> ApiKeyUsage { get; }
#endif

    /// <summary>
    /// Any other entity of the model, untracked and filtered like the members above: a module's queries read its
    /// aggregate through this, so adding a module adds no member here.
    /// </summary>
    IQueryable<TEntity> Query<TEntity>()
        where TEntity : class;

    /// <summary>
    /// Runs a query compiled once (see <see cref="Mapping.CompiledProjections"/>) on this context, with its query
    /// filters. For the hottest reads, where EF Core's per-call expression work is a measurable share of the request.
    /// </summary>
    Task<TResult> RunAsync<TArgument, TResult>(
        Func<DbContext, TArgument, CancellationToken, Task<TResult>> compiledQuery, TArgument argument, CancellationToken cancellationToken);
}
