namespace QuoinApi.Application.Common.Abstractions;

/// <summary>Rolled back on dispose unless committed.</summary>
public interface ICommandTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
