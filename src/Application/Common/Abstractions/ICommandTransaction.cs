namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// The command's unit of work. <see cref="CommitAsync"/> saves every change the command left tracked, in one batch, and
/// commits; dispose without commit rolls back.
/// </summary>
public interface ICommandTransaction : IAsyncDisposable
{
    /// <exception cref="Exceptions.UniqueConstraintException">A unique index refused a write.</exception>
    /// <exception cref="Exceptions.ConcurrencyConflictException">A row changed since the command read it.</exception>
    Task CommitAsync(CancellationToken cancellationToken);
}
