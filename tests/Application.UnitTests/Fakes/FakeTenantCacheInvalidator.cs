using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Records which tenants the handlers evict from the credential caches.</summary>
public sealed class FakeTenantCacheInvalidator : ITenantCacheInvalidator
{
    public List<Guid> Evicted { get; } = [];

    public Task InvalidateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        Evicted.Add(tenantId);
        return Task.CompletedTask;
    }
}
