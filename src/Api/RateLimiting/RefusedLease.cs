using System.Threading.RateLimiting;
using QuoinApi.Infrastructure.RateLimiting;

namespace QuoinApi.Api.RateLimiting;

/// <summary>A refused tenant request: how long to wait, and whether the month's quota (not the burst) refused it.</summary>
internal sealed class RefusedLease(RateLimitDecision decision) : RateLimitLease
{
    public RateLimitDecision Decision { get; } = decision;

    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? Decision.RetryAfter : null;
        return metadata is not null;
    }
}
