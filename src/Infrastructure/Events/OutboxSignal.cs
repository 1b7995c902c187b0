namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Raised after a transaction that wrote outbox rows commits on this instance, so the relay publishes at once. A
/// separate object because the interceptor that raises it is built with the context factory the relay depends on.
/// </summary>
public sealed class OutboxSignal
{
    public event Action? Committed;

    public void Raise() => Committed?.Invoke();
}
