using System.Net;
using System.Net.Sockets;

namespace QuoinApi.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public unicast only. Refused: loopback, private (RFC 1918, unique local),
/// link-local (and so the cloud metadata endpoint 169.254.169.254), carrier-grade NAT, "this network", multicast,
/// broadcast, reserved, documentation and benchmarking ranges, and IPv6 forms that embed an IPv4 address
/// (mapped, NAT64, 6to4, Teredo), which are judged by the address they embed.
/// </summary>
public static class NetworkAddressRules
{
    private static readonly (IPAddress Network, int PrefixLength)[] SpecialV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int PrefixLength)[] SpecialV6 =
    [
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("100::"), 64),
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !SpecialV4.Any(range => InRange(address, range.Network, range.PrefixLength));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
        if (InRange(address, IPAddress.Parse("64:ff9b::"), 96))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (InRange(address, IPAddress.Parse("2002::"), 16))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }

        // Teredo (2001::/32) hides its client address; IPv4-compatible (::/96) is deprecated. Neither is a receiver.
        if (InRange(address, IPAddress.Parse("2001::"), 32) || InRange(address, IPAddress.Parse("::"), 96))
        {
            return false;
        }

        return !SpecialV6.Any(range => InRange(address, range.Network, range.PrefixLength));
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length)
        {
            return false;
        }

        var whole = prefixLength / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = prefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
