namespace QuoinApi.Application.Webhooks;

/// <summary>
/// Refuses receiver URLs that point into private networks (server-side request forgery): the host's addresses are
/// resolved and each must be public. Checked at creation and again on every connection.
/// </summary>
public interface IWebhookUrlGuard
{
    /// <summary>Null when the URL may be called; otherwise why not (said to the caller).</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Whether plain <c>http</c> and private addresses are allowed (development and tests only).</summary>
    bool AllowsPrivateNetworks { get; }
}
