using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>The fakes behave like what they stand in for; the handler tests rely on it.</summary>
public sealed class FakesTests
{
    private HandlerTestContext _context = null!;
    private Guid _tenantId;
    private Guid _otherTenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _tenantId = _context.SeedTenant().Id;
        _otherTenantId = _context.SeedTenant("Globex").Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsRead);
        _context.SeedProduct(_tenantId, "LIVE");
        _context.SeedProduct(_tenantId, "DELETED", deleted: true);
        _context.SeedProduct(_otherTenantId, "OTHER");
        _context.SeedProduct(_otherTenantId, "OTHER-DELETED", deleted: true);
    }

    private static async Task<string[]> Skus(IQueryable<Domain.Products.Product> query) =>
        [.. (await query.Select(p => p.Sku).ToListAsync()).Order(StringComparer.Ordinal)];

    [Test]
    public async Task Read_side_applies_the_tenant_and_soft_delete_filters() =>
        Assert.That(await Skus(_context.ReadDb.Products), Is.EqualTo(new[] { "LIVE" }));

    [Test]
    public async Task Named_filters_are_lifted_one_by_one()
    {
        Assert.That(await Skus(_context.ReadDb.Products.IgnoreQueryFilters([QueryFilterNames.SoftDelete])), Is.EqualTo(new[] { "DELETED", "LIVE" }));
        Assert.That(await Skus(_context.ReadDb.Products.IgnoreQueryFilters([QueryFilterNames.Tenant])), Is.EqualTo(new[] { "LIVE", "OTHER" }));
        Assert.That(await Skus(_context.ReadDb.Products.IgnoreQueryFilters()), Has.Length.EqualTo(4));
    }

    [Test]
    public async Task Filters_read_the_principal_when_the_query_runs()
    {
        var query = _context.ReadDb.Products;
        _context.Principal.ActAsTenant(_otherTenantId);

        Assert.That(await Skus(query), Is.EqualTo(new[] { "OTHER" }));
    }

    [Test]
    public async Task Async_operators_run_in_memory()
    {
        Assert.That(await _context.ReadDb.Products.LongCountAsync(), Is.EqualTo(1));
        Assert.That(await _context.ReadDb.Products.AnyAsync(p => p.Sku == "DELETED"), Is.False);
        Assert.That((await _context.ReadDb.Products.FirstOrDefaultAsync())?.Sku, Is.EqualTo("LIVE"));
        Assert.That(_context.ReadDb.Products.AsNoTracking().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Platform_keys_are_invisible_to_a_caller_without_a_tenant()
    {
        _context.SeedApiKey(tenantId: null, [Scopes.PlatformAdmin]);
        _context.SeedApiKey(_tenantId);
        _context.Principal.TenantId = null;

        Assert.That(await _context.ReadDb.ApiKeys.CountAsync(), Is.Zero);
        Assert.That(await _context.ReadDb.ApiKeys.IgnoreQueryFilters([QueryFilterNames.Tenant]).CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public void Page_tokens_round_trip_and_refuse_alterations()
    {
        var protector = new FakePageTokenProtector();
        byte[] payload = [1, 2, 3, 250];
        var token = protector.Protect(payload);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var otherPayloadSameMark = protector.Protect([1, 2, 3, 251])[..dot] + token[dot..];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(protector.TryUnprotect(token, out var read), Is.True);
            Assert.That(read, Is.EqualTo(payload));
            Assert.That(protector.TryUnprotect(otherPayloadSameMark, out _), Is.False);
            Assert.That(protector.TryUnprotect(token + "0", out _), Is.False);
            Assert.That(protector.TryUnprotect("!!!." + FakePageTokenProtector.Marker, out _), Is.False);
        }
    }

    [Test]
    public void Text_search_matches_whole_words_case_insensitively()
    {
        string[] words = ["HAMMER"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FakeProductTextSearch.Matches("Steel hammer", null, words), Is.True);
            Assert.That(FakeProductTextSearch.Matches("Mallet", "a soft Hammer.", words), Is.True);
            Assert.That(FakeProductTextSearch.Matches("Hammers", "hammerhead", words), Is.False);
        }
    }
}
