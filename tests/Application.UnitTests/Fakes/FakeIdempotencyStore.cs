using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Answers every claim with <see cref="NextClaim"/> (Claimed by default) and records claims and completions.</summary>
public sealed class FakeIdempotencyStore : IIdempotencyStore
{
    public IdempotencyClaim NextClaim { get; set; } = new(IdempotencyClaimStatus.Claimed);

    public List<ClaimCall> Claims { get; } = [];

    public List<CompleteCall> Completions { get; } = [];

    public Task<IdempotencyClaim> ClaimAsync(Guid? tenantId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        Claims.Add(new ClaimCall(tenantId, key, requestHash));
        return Task.FromResult(NextClaim);
    }

    public Task CompleteAsync(
        Guid? tenantId, string key, byte[] requestHash, string requestName, byte[] response, bool containsSecret, CancellationToken cancellationToken)
    {
        Completions.Add(new CompleteCall(tenantId, key, requestHash, requestName, response, containsSecret));
        return Task.CompletedTask;
    }

    public sealed record ClaimCall(Guid? TenantId, string Key, byte[] RequestHash);

    public sealed record CompleteCall(Guid? TenantId, string Key, byte[] RequestHash, string RequestName, byte[] Response, bool ContainsSecret);
}
