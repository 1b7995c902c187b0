using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// The per-address budget of unauthenticated traffic: requests without valid credentials, and credential look-ups
/// that reach the database (a key no cache knows). A flood of invented keys from one address is refused before it
/// costs a query. Per instance, in memory: Redis would cost the round trip this protects against. IPv6 clients are
/// grouped by /64, which one subscriber usually holds whole. Idle partitions are dropped by the runtime's limiter.
/// </summary>
public sealed class ClientAddressLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter;

    public ClientAddressLimiter(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.AnonymousBurst,
            TokensPerPeriod = settings.AnonymousRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => bucket));
    }

    /// <summary>Takes one unit of the address's budget; refused when it is spent.</summary>
    public RateLimitLease Acquire(IPAddress? address) => _limiter.AttemptAcquire(Partition(address));

    /// <summary>Whether the address has budget left, without spending it.</summary>
    public bool HasBudget(IPAddress? address) => _limiter.GetStatistics(Partition(address)) is not { CurrentAvailablePermits: <= 0 };

    private static IPAddress Partition(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    public void Dispose() => _limiter.Dispose();
}
