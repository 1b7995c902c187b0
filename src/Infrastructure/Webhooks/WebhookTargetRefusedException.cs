namespace QuoinApi.Infrastructure.Webhooks;

/// <summary>A webhook connection was refused before it was made: the host resolved to a non-public address.</summary>
public sealed class WebhookTargetRefusedException(string host) : IOException($"'{host}' resolves to a non-public address; webhooks may not call it.")
{
    public string Host { get; } = host;
}
