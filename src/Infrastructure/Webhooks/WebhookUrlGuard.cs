using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Webhooks;

namespace QuoinApi.Infrastructure.Webhooks;

/// <summary>
/// The private-network guard (ADR 0042), used when a subscription is created or changed and on every connection
/// (<see cref="ConnectAsync"/>, the delivery handler's connect callback, which connects only to the addresses it
/// checked, so a DNS answer that changes between the check and the connection cannot slip through).
/// </summary>
public sealed class WebhookUrlGuard(IOptions<WebhookOptions> options) : IWebhookUrlGuard
{
    public bool AllowsPrivateNetworks => options.Value.AllowPrivateNetworks;

    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (AllowsPrivateNetworks)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "'url' names a host that does not resolve.";
        }

        return addresses.Length == 0 || !addresses.All(NetworkAddressRules.IsPublic)
            ? "'url' resolves to a loopback, private, link-local or other non-public address; webhooks may only call public addresses."
            : null;
    }

    /// <summary>Resolves, checks and connects; throws <see cref="WebhookTargetRefusedException"/> for a non-public address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (!AllowsPrivateNetworks && (addresses.Length == 0 || !addresses.All(NetworkAddressRules.IsPublic)))
        {
            throw new WebhookTargetRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) ? [address] : await Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
