using System.Linq.Expressions;
using Mapster;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Products;
using QuoinApi.Application.Tenants;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Common.Mapping;

public sealed class QueryProjectionsTests
{
    private static readonly TypeAdapterConfig Mappings = CreateMappings();

    private static TypeAdapterConfig CreateMappings()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(ProductDto).Assembly);
        return config;
    }

    private static Product NewProduct(string? description) =>
        Product.Create(Guid.CreateVersion7(), new ProductDetails("SKU-1", "Widget", description, 12.5m, "EUR", ["a", "b"]), DateTimeOffset.UnixEpoch);

    private static List<Expression> Nodes(IQueryable query)
    {
        var nodes = new List<Expression>();
        new Collector(nodes).Visit(query.Expression);
        return nodes;
    }

    [TestCase("A description")]
    [TestCase(null)]
    public void Projects_exactly_what_mapster_maps(string? description)
    {
        var product = NewProduct(description);

        var projected = new[] { product }.AsQueryable().ProjectToDto<ProductDto>(Mappings).Single();

        Assert.That(projected, Is.EqualTo(product.Adapt<ProductDto>(Mappings)).Using<ProductDto>((a, b) =>
            a.Id == b.Id && a.Sku == b.Sku && a.Description == b.Description && a.Price == b.Price && a.Tags.SequenceEqual(b.Tags)
            && a.Currency == b.Currency && a.CreatedAt == b.CreatedAt && a.DeletedAt == b.DeletedAt && a.Version == b.Version));
    }

    [Test]
    public void Leaves_no_default_expressions_and_no_null_checks_of_the_row()
    {
        var query = Array.Empty<Product>().AsQueryable().ProjectToDto<ProductDto>(Mappings);

        var nodes = Nodes(query);
        var lambda = nodes.OfType<LambdaExpression>().Single();

        Assert.That(nodes.OfType<DefaultExpression>(), Is.Empty, "EF Core would evaluate each default again on every execution.");
        Assert.That(nodes.OfType<BinaryExpression>().Where(b => b.Left == lambda.Parameters[0] || b.Right == lambda.Parameters[0]), Is.Empty);
    }

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
