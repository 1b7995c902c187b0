using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.GetApiKeyUsage;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ApiKeys.GetApiKeyUsage;

public sealed class GetApiKeyUsageHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;
    private Guid _keyId;
    private DateOnly _today;

    [SetUp]
    public async Task SeedAsync()
    {
        _tenantId = (await TestData.SeedTenantAsync()).Id;
        _keyId = (await TestData.SeedApiKeyAsync(_tenantId)).Key.Id;
        _today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    }

    private Task<Result<IReadOnlyList<ApiKeyUsageDto>>> Get(Guid id, DateOnly? from = null, DateOnly? to = null) =>
        HandleAsync(new GetApiKeyUsageQuery(id, from, to), _tenantId, [Scopes.UsageRead]);

    [Test]
    public async Task By_default_the_last_30_days_with_traffic_oldest_first_of_that_key_only()
    {
        await TestData.AddAsync(
            new ApiKeyDailyUsage(_tenantId, _keyId, _today, 10, 1),
            new ApiKeyDailyUsage(_tenantId, _keyId, _today.AddDays(-29), 20, 0),
            new ApiKeyDailyUsage(_tenantId, _keyId, _today.AddDays(-30), 30, 0),
            new ApiKeyDailyUsage(_tenantId, Guid.CreateVersion7(), _today, 40, 0));

        var days = ResultAssert.Succeeded(await Get(_keyId));

        Assert.That(days, Is.EqualTo(new[] { new ApiKeyUsageDto(_today.AddDays(-29), 20, 0), new ApiKeyUsageDto(_today, 10, 1) }));
    }

    [Test]
    public async Task From_and_to_are_inclusive()
    {
        var from = new DateOnly(2026, 1, 10);
        await TestData.AddAsync(
            new ApiKeyDailyUsage(_tenantId, _keyId, from.AddDays(-1), 1, 0),
            new ApiKeyDailyUsage(_tenantId, _keyId, from, 2, 0),
            new ApiKeyDailyUsage(_tenantId, _keyId, from.AddDays(2), 3, 0),
            new ApiKeyDailyUsage(_tenantId, _keyId, from.AddDays(3), 4, 0));

        var days = ResultAssert.Succeeded(await Get(_keyId, from, from.AddDays(2)));

        Assert.That(days.Select(d => d.Requests), Is.EqualTo(new[] { 2L, 3L }));
    }

    [Test]
    public async Task Another_tenants_key_is_not_found()
    {
        var other = await TestData.SeedTenantAsync("Globex");
        var (othersKey, _) = await TestData.SeedApiKeyAsync(other.Id);
        await TestData.AddAsync(new ApiKeyDailyUsage(other.Id, othersKey.Id, _today, 5, 0));

        ResultAssert.Failed(await Get(othersKey.Id), ErrorKind.NotFound, "api_key.not_found");
    }
}
