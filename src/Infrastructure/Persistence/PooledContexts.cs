using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// Leases a pooled context for one DI scope and hands it the scope's caller. Disposing the scope returns the context
/// to the pool; every lease sets <see cref="QuoinDbContext.Principal"/>, so no caller outlives its request.
/// </summary>
internal static class PooledContexts
{
    public static TContext Lease<TContext>(IServiceProvider provider)
        where TContext : QuoinDbContext
    {
        var context = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.Principal = provider.GetService<ICurrentPrincipal>();
        return context;
    }
}
