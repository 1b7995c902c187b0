using System.Linq.Expressions;
using Mapster;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Mapping;
#if (IncludeProducts)
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;
#endif
using QuoinApi.Application.Tenants;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Common.Mapping;

public sealed class QueryProjectionsTests
{
    private static readonly TypeAdapterConfig Mappings = CreateMappings();

    private static TypeAdapterConfig CreateMappings()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(TenantDto).Assembly);
        return config;
    }

#if (IncludeProducts)
    private static Product NewProduct(string? description) =>
        Product.Create(Guid.CreateVersion7(), new ProductDetails("SKU-1", "Widget", description, 12.5m, "EUR", ["a", "b"]), DateTimeOffset.UnixEpoch);

#endif
    private static ApiKey NewApiKey(DateTimeOffset? expiresAt) =>
        ApiKey.Issue(Guid.CreateVersion7(), "CI", [Scopes.AuditRead, Scopes.KeysManage], expiresAt, ApiKeyEnvironment.Test, DateTimeOffset.UnixEpoch).Key;

    private static List<Expression> Nodes(IQueryable query)
    {
        var nodes = new List<Expression>();
        new Collector(nodes).Visit(query.Expression);
        return nodes;
    }

    [TestCase(null)]
    [TestCase("2030-01-01T00:00:00Z")]
    public void Projects_exactly_what_mapster_maps(string? expiresAt)
    {
        var key = NewApiKey(expiresAt is null ? null : DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture));

        var projected = new[] { key }.AsQueryable().ProjectToDto<ApiKeyDto>(Mappings).Single();

        Assert.That(projected, Is.EqualTo(key.Adapt<ApiKeyDto>(Mappings)).Using<ApiKeyDto>((a, b) =>
            a.Id == b.Id && a.Name == b.Name && a.Prefix == b.Prefix && a.Scopes.SequenceEqual(b.Scopes) && a.CreatedAt == b.CreatedAt
            && a.ExpiresAt == b.ExpiresAt && a.LastUsedAt == b.LastUsedAt && a.ReplacedByKeyId == b.ReplacedByKeyId && a.GraceEndsAt == b.GraceEndsAt));
    }

    [Test]
    public void Leaves_no_default_expressions_and_no_null_checks_of_the_row()
    {
        var query = Array.Empty<ApiKey>().AsQueryable().ProjectToDto<ApiKeyDto>(Mappings);

        var nodes = Nodes(query);
        var lambda = nodes.OfType<LambdaExpression>().Single();

        Assert.That(nodes.OfType<DefaultExpression>(), Is.Empty, "EF Core would evaluate each default again on every execution.");
        Assert.That(nodes.OfType<BinaryExpression>().Where(b => b.Left == lambda.Parameters[0] || b.Right == lambda.Parameters[0]), Is.Empty);
    }

#if (IncludeProducts)
    [TestCase("A description")]
    [TestCase(null)]
    public void Projects_a_product_exactly_as_mapster_maps_it(string? description)
    {
        var product = NewProduct(description);

        var projected = new[] { product }.AsQueryable().ProjectToDto<ProductDto>(Mappings).Single();

        Assert.That(projected, Is.EqualTo(product.Adapt<ProductDto>(Mappings)).Using<ProductDto>((a, b) =>
            a.Id == b.Id && a.Sku == b.Sku && a.Description == b.Description && a.Price == b.Price && a.Tags.SequenceEqual(b.Tags)
            && a.Currency == b.Currency && a.CreatedAt == b.CreatedAt && a.DeletedAt == b.DeletedAt && a.Version == b.Version));
    }

    [Test]
    public void Leaves_no_default_expressions_and_no_null_checks_of_the_product_row()
    {
        var query = Array.Empty<Product>().AsQueryable().ProjectToDto<ProductDto>(Mappings);

        var nodes = Nodes(query);
        var lambda = nodes.OfType<LambdaExpression>().Single();

        Assert.That(nodes.OfType<DefaultExpression>(), Is.Empty, "EF Core would evaluate each default again on every execution.");
        Assert.That(nodes.OfType<BinaryExpression>().Where(b => b.Left == lambda.Parameters[0] || b.Right == lambda.Parameters[0]), Is.Empty);
    }

#endif
    [Test]
    public void The_projection_is_built_once_per_mapping()
    {
        var first = Nodes(Array.Empty<Tenant>().AsQueryable().ProjectToDto<TenantDto>(Mappings)).OfType<LambdaExpression>().Single();
        var second = Nodes(Array.Empty<Tenant>().AsQueryable().ProjectToDto<TenantDto>(Mappings)).OfType<LambdaExpression>().Single();

        Assert.That(second, Is.SameAs(first));
    }

    private sealed class Collector(List<Expression> nodes) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                nodes.Add(node);
            }

            return base.Visit(node);
        }
    }
}
