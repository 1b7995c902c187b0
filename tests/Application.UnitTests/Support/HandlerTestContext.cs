using Mapster;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Support;

/// <summary>One test's world: the fakes wired together over one store, a fixed clock, and seeding helpers.</summary>
public sealed class HandlerTestContext
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public HandlerTestContext()
    {
        Clock = new FakeTimeProvider(Now);
        UnitOfWork = new FakeUnitOfWork(Store, Principal, Clock);
        Tenants = new InMemoryTenantRepository(Store);
        ApiKeys = new InMemoryApiKeyRepository(Store, Principal);
        Products = new InMemoryProductRepository(Store, Principal);
        ReadDb = new InMemoryReadDbContext(Store, Principal);
        Pager = new KeysetPager(PageTokens);
    }

    public InMemoryStore Store { get; } = new();

    public FakePrincipal Principal { get; } = new();

    public FakeTimeProvider Clock { get; }

    public FakeUnitOfWork UnitOfWork { get; }

    public InMemoryTenantRepository Tenants { get; }

    public InMemoryApiKeyRepository ApiKeys { get; }

    public InMemoryProductRepository Products { get; }

    public InMemoryReadDbContext ReadDb { get; }

    public FakeApiKeyCacheInvalidator KeyCache { get; } = new();

    public FakePageTokenProtector PageTokens { get; } = new();

    public KeysetPager Pager { get; }

    public FakeProductTextSearch TextSearch { get; } = new();

    public ApiKeyOptions ApiKeyOptionsValue { get; } = new() { Environment = ApiKeyEnvironment.Live };

    public IOptions<ApiKeyOptions> ApiKeyOptions => Options.Create(ApiKeyOptionsValue);

    public TypeAdapterConfig Mappings { get; } = TestMappings.Config;

    public Tenant SeedTenant(string name = "Acme", RatePlan ratePlan = RatePlan.Free, DateTimeOffset? createdAt = null)
    {
        var tenant = Tenant.Create(name, ratePlan, Now);
        Stamp(tenant, createdAt ?? Now);
        return Store.Seed(tenant);
    }

    public (ApiKey Key, ApiKeySecret Secret) SeedApiKey(
        Guid? tenantId, IEnumerable<string>? scopes = null, string name = "CI", DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null)
    {
        var (key, secret) = ApiKey.Issue(tenantId, name, scopes ?? [Scopes.ProductsRead], expiresAt, ApiKeyEnvironment.Live, Now);
        Stamp(key, createdAt ?? Now);
        Store.Seed(key);
        return (key, secret);
    }

    public Product SeedProduct(Guid tenantId, string sku = "SKU-1", DateTimeOffset? createdAt = null, bool deleted = false) =>
        SeedProduct(tenantId, ProductDetails(sku), createdAt, deleted);

    public Product SeedProduct(Guid tenantId, ProductDetails details, DateTimeOffset? createdAt = null, bool deleted = false, uint version = 0)
    {
        var product = Product.Create(tenantId, details, Now);
        if (deleted)
        {
            product.Delete(Now);
        }

        Stamp(product, createdAt ?? Now);
        SetVersion(product, version);
        return Store.Seed(product);
    }

    /// <summary>The row version PostgreSQL (xmin) would hold; the domain never sets it.</summary>
    public static void SetVersion(Product product, uint version) =>
        typeof(Product).GetProperty(nameof(Product.Version))!.SetValue(product, version);

    public static ProductDetails ProductDetails(string sku = "SKU-1") =>
        new(sku, "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]);

    private static void Stamp(IAuditable entity, DateTimeOffset at)
    {
        entity.CreatedAt = at;
        entity.UpdatedAt = at;
        entity.CreatedBy = entity.UpdatedBy = "seed";
    }
}
