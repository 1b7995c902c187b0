using System.Threading.RateLimiting;

namespace QuoinApi.Api.RateLimiting;

/// <summary>The leases that carry no state, allocated once.</summary>
internal static class Leases
{
    /// <summary>Allowed (or not limited at all); nothing to give back.</summary>
    public static readonly RateLimitLease Unlimited = new FixedLease(true);

    /// <summary>The synchronous attempt's answer: decide asynchronously.</summary>
    public static readonly RateLimitLease NotYet = new FixedLease(false);

    /// <summary>The client address spent its unauthenticated budget.</summary>
    public static readonly RateLimitLease AddressRefused = new FixedLease(false);

    private sealed class FixedLease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
