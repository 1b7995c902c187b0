using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QuoinApi.Infrastructure.Persistence.Interceptors;

/// <summary>
/// A save interceptor reduced to two hooks, one just before a save and one after it succeeded, each called from EF Core's
/// synchronous and asynchronous paths alike: an interceptor cannot handle one path and forget the other.
/// </summary>
internal abstract class SaveHooksInterceptor : SaveChangesInterceptor
{
    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public sealed override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    /// <summary>Runs before the save detects changes and writes (interceptors in the order they were added).</summary>
    protected virtual void BeforeSave(DbContext? context)
    {
    }

    /// <summary>Runs after a save that succeeded.</summary>
    protected virtual void AfterSave(DbContext? context)
    {
    }
}
