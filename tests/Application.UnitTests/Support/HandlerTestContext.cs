using Mapster;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
#if (IncludeProducts)
using QuoinApi.Domain.Products;
#endif
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Support;

/// <summary>
/// One command-handler test's world: logic-free fakes wired together, a fixed clock, and arranging helpers. Arranging
/// a row says what the real repository would return to the caller; which rows that is (tenant and soft-delete
/// filters) is tested on PostgreSQL in Application.IntegrationTests.
/// </summary>
public sealed class HandlerTestContext
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public HandlerTestContext()
    {
        Clock = new FakeTimeProvider(Now);
        Tenants = new FakeTenantRepository(Writes);
        ApiKeys = new FakeApiKeyRepository(Writes);
#if (IncludeProducts)
        Products = new FakeProductRepository(Writes);
#endif
    }

    public RecordedWrites Writes { get; } = new();

    public FakePrincipal Principal { get; } = new();

    public FakeTimeProvider Clock { get; }

    public FakeTenantRepository Tenants { get; }

    public FakeApiKeyRepository ApiKeys { get; }

#if (IncludeProducts)
    public FakeProductRepository Products { get; }

#endif
    public FakeApiKeyCacheInvalidator KeyCache { get; } = new();

    /// <summary>The unique rules the handler named for its commit (the real one: it is a plain collection).</summary>
    public ExpectedConflicts Conflicts { get; } = new();

    public ApiKeyOptions ApiKeyOptionsValue { get; } = new() { Environment = ApiKeyEnvironment.Live };

    public IOptions<ApiKeyOptions> ApiKeyOptions => Options.Create(ApiKeyOptionsValue);

    public TypeAdapterConfig Mappings { get; } = TestMappings.Config;

    /// <summary>A live tenant the tenant repository finds.</summary>
#if (IncludeRatePlans)
    public Tenant SeedTenant(string name = "Acme", RatePlan ratePlan = RatePlan.Free)
    {
        var tenant = Tenant.Create(name, ratePlan, Now);
#else
    public Tenant SeedTenant(string name = "Acme")
    {
        var tenant = Tenant.Create(name, Now);
#endif
        tenant.ClearDomainEvents();
        Tenants.Live[tenant.Id] = tenant;
        return tenant;
    }

    /// <summary>A live key of the tenant: the key repository finds it, and lists its hash among the tenant's.</summary>
    public (ApiKey Key, ApiKeySecret Secret) SeedApiKey(
        Guid tenantId, IEnumerable<string>? scopes = null, string name = "CI", DateTimeOffset? expiresAt = null)
    {
        var (key, secret) = ApiKey.Issue(tenantId, name, scopes ?? [Scopes.AuditRead], expiresAt, ApiKeyEnvironment.Live, Now);
        key.ClearDomainEvents();
        ApiKeys.Live[key.Id] = key;
        ApiKeys.LiveSecretHashes.TryAdd(tenantId, []);
        ApiKeys.LiveSecretHashes[tenantId].Add(key.SecretHash);
        return (key, secret);
    }
#if (IncludeProducts)

    public Product SeedProduct(Guid tenantId, string sku = "SKU-1", bool deleted = false) =>
        SeedProduct(tenantId, ProductDetails(sku), deleted);

    /// <summary>A product of the caller's tenant, live or deleted, at the version the test names.</summary>
    public Product SeedProduct(Guid tenantId, ProductDetails details, bool deleted = false, uint version = 1)
    {
        var product = Product.Create(tenantId, details, Now);
        if (deleted)
        {
            product.Delete(Now);
            Products.Deleted[product.Id] = product;
        }
        else
        {
            Products.Live[product.Id] = product;
        }

        product.ClearDomainEvents();
        typeof(Product).GetProperty(nameof(Product.Version))!.SetValue(product, version);
        return product;
    }

    public static ProductDetails ProductDetails(string sku = "SKU-1") =>
        new(sku, "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]);
#endif
}
