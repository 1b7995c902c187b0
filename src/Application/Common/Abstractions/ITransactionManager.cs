namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Opens the one database transaction a command runs in (unit of work, idempotency claim and audit entry). Commands do
/// not nest: opening a second one while the first is open throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface ITransactionManager
{
    Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken);
}
