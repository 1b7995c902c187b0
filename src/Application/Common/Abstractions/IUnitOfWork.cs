namespace QuoinApi.Application.Common.Abstractions;

/// <summary>One save per command: every change a handler made is written atomically, in the command's transaction.</summary>
public interface IUnitOfWork
{
    /// <exception cref="Exceptions.UniqueConstraintException">A live row already holds a unique value.</exception>
    /// <exception cref="Exceptions.ConcurrencyConflictException">The row changed since it was read.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
