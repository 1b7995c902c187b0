using Microsoft.EntityFrameworkCore;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;
#if (IncludeProducts)
using QuoinApi.Domain.Products;
#endif
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>
/// Rows written straight to the test database, as given (creation times included, no interceptor stamps them), for
/// tests of handlers that read: the arrangement is plain data, the filtering, ordering and collation are PostgreSQL's.
/// </summary>
public static class TestData
{
    /// <summary>The instant seeded rows are created at unless a test says otherwise.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

#if (IncludeProducts)
    public static ProductDetails ProductDetails(string sku = "SKU-1") =>
        new(sku, "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]);

#endif
#if (IncludeRatePlans)
    public static async Task<Tenant> SeedTenantAsync(string name = "Acme", RatePlan ratePlan = RatePlan.Free, DateTimeOffset? createdAt = null, bool deleted = false)
    {
        var tenant = Tenant.Create(name, ratePlan, Now);
#else
    public static async Task<Tenant> SeedTenantAsync(string name = "Acme", DateTimeOffset? createdAt = null, bool deleted = false)
    {
        var tenant = Tenant.Create(name, Now);
#endif
        if (deleted)
        {
            tenant.Delete(Now);
        }

        await AddAsync(Stamped(tenant, createdAt));
        return tenant;
    }

    public static async Task<(ApiKey Key, ApiKeySecret Secret)> SeedApiKeyAsync(
        Guid? tenantId, IEnumerable<string>? scopes = null, string name = "CI", DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null,
        Action<ApiKey>? change = null)
    {
        var (key, secret) = NewApiKey(tenantId, scopes, name, createdAt, expiresAt);
        change?.Invoke(key);
        await AddAsync(key);
        return (key, secret);
    }

    /// <summary>A key as <see cref="ApiKey.Issue"/> makes it, stamped, not yet stored.</summary>
    public static (ApiKey Key, ApiKeySecret Secret) NewApiKey(
        Guid? tenantId, IEnumerable<string>? scopes = null, string name = "CI", DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null)
    {
        var (key, secret) = ApiKey.Issue(tenantId, name, scopes ?? [Scopes.AuditRead], expiresAt, ApiKeyEnvironment.Live, Now);
        return (Stamped(key, createdAt), secret);
    }

#if (IncludeProducts)
    public static Task<Product> SeedProductAsync(Guid tenantId, string sku = "SKU-1", DateTimeOffset? createdAt = null, bool deleted = false) =>
        SeedProductAsync(tenantId, ProductDetails(sku), createdAt, deleted);

    public static async Task<Product> SeedProductAsync(Guid tenantId, ProductDetails details, DateTimeOffset? createdAt = null, bool deleted = false)
    {
        var products = await SeedProductsAsync(tenantId, [(details, createdAt, deleted)]);
        return products[0];
    }

    /// <summary>Many products in one round trip.</summary>
    public static async Task<List<Product>> SeedProductsAsync(Guid tenantId, IEnumerable<(ProductDetails Details, DateTimeOffset? CreatedAt, bool Deleted)> rows)
    {
        var products = rows.Select(row =>
        {
            var product = Product.Create(tenantId, row.Details, Now);
            if (row.Deleted)
            {
                product.Delete(Now);
            }

            return Stamped(product, row.CreatedAt);
        }).ToList();
        await AddAsync([.. products]);
        return products;
    }

#endif
    /// <summary>
    /// Appends <paramref name="count"/> entries to the chain of <paramref name="tenantId"/> (continuing it if it has
    /// entries), from <paramref name="start"/> (default <see cref="Now"/>), one every <paramref name="interval"/>
    /// (default a minute; zero for entries at the same instant), sealed as the audit sealer seals them.
    /// </summary>
    public static async Task<List<AuditEntry>> SeedAuditChainAsync(
        Guid? tenantId, int count, DateTimeOffset? start = null, Func<int, AuditRecord>? record = null, TimeSpan? interval = null)
    {
        AuditEntry? last;
        await using (var context = IntegrationTestSetup.Database.CreateContext())
        {
            last = await context.AuditEntries.IgnoreQueryFilters()
                .Where(e => e.TenantId == tenantId)
                .OrderByDescending(e => e.Sequence)
                .FirstOrDefaultAsync();
        }

        var entries = BuildAuditChain(tenantId, count, last, start, record, interval);
        await AddAsync([.. entries]);
        return entries;
    }

    /// <summary>The entries <see cref="SeedAuditChainAsync"/> would store after <paramref name="previous"/>, not yet stored.</summary>
    public static List<AuditEntry> BuildAuditChain(
        Guid? tenantId, int count, AuditEntry? previous = null, DateTimeOffset? start = null, Func<int, AuditRecord>? record = null, TimeSpan? interval = null)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = Sealed(
                record?.Invoke(i) ?? AuditRecordOf(tenantId, resourceId: $"res-{i}"),
                (previous?.Sequence ?? 0) + 1,
                previous?.Hash ?? [],
                (start ?? Now) + ((interval ?? TimeSpan.FromMinutes(1)) * i));
            entries.Add(entry);
            previous = entry;
        }

        return entries;
    }

    /// <summary>Records, then seals, as a command and then the audit sealer do.</summary>
    public static AuditEntry Sealed(AuditRecord record, long sequence, byte[] previousHash, DateTimeOffset now)
    {
        var entry = AuditEntry.Record(record, now);
        entry.Seal(sequence, previousHash);
        return entry;
    }

    public static AuditRecord AuditRecordOf(
        Guid? tenantId, string action = "api_key.create", string? resourceId = null, string actor = "key:test", string outcome = AuditRecord.Success) =>
        new(tenantId, actor, action, action.Split('.')[0], resourceId, outcome, "req-1", null, "{}");

    /// <summary>Inserts the entities in one save, in the order given.</summary>
    public static async Task AddAsync(params object[] entities)
    {
        await using var context = IntegrationTestSetup.Database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    /// <summary>Writes the current state of entities changed after they were stored (every column).</summary>
    public static async Task UpdateAsync(params object[] entities)
    {
        await using var context = IntegrationTestSetup.Database.CreateContext();
        context.UpdateRange(entities);

        // A seed writes the entity as it is now: its concurrency tokens are checked against the stored row, not against the in-memory change.
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var stored = await entry.GetDatabaseValuesAsync();
            foreach (var token in entry.Properties.Where(p => p.Metadata.IsConcurrencyToken))
            {
                token.OriginalValue = stored?[token.Metadata];
            }
        }

        await context.SaveChangesAsync();
    }

    private static T Stamped<T>(T entity, DateTimeOffset? at)
        where T : IAuditable
    {
        entity.CreatedAt = entity.UpdatedAt = at ?? Now;
        entity.CreatedBy = entity.UpdatedBy = "seed";
        return entity;
    }
}
