using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.DeleteProduct;

public sealed class DeleteProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private DeleteProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new DeleteProductHandler(_context.Products, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    [Test]
    public async Task Soft_deletes_the_product_and_saves_once()
    {
        var product = _context.SeedProduct(_tenantId);

        ResultAssert.Succeeded(await _handler.Handle(new DeleteProductCommand(product.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductDeleted(product.Id, _tenantId, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(new DeleteProductCommand(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    // --- If-Match ----------------------------------------------------------------------------------------------------

    private static IEnumerable<TestCaseData> MatchingPreconditions()
    {
        yield return new TestCaseData(IfMatch.For(7)).SetArgDisplayNames("matching version");
        yield return new TestCaseData(IfMatch.For(7, 9)).SetArgDisplayNames("one of the listed versions");
        yield return new TestCaseData(IfMatch.Wildcard).SetArgDisplayNames("wildcard");
        yield return new TestCaseData(IfMatch.None).SetArgDisplayNames("absent header");
        yield return new TestCaseData(null).SetArgDisplayNames("no precondition");
    }

    private static IEnumerable<TestCaseData> FailingPreconditions()
    {
        yield return new TestCaseData(IfMatch.For(6)).SetArgDisplayNames("older version");
        yield return new TestCaseData(IfMatch.For(0)).SetArgDisplayNames("version zero");
        yield return new TestCaseData(new IfMatch(true, false, [])).SetArgDisplayNames("unreadable tag");
    }

    [TestCaseSource(nameof(MatchingPreconditions))]
    public async Task Deletes_when_the_precondition_holds(IfMatch? precondition)
    {
        var product = _context.SeedProduct(_tenantId, HandlerTestContext.ProductDetails(), version: 7);

        ResultAssert.Succeeded(await _handler.Handle(new DeleteProductCommand(product.Id, precondition), CancellationToken.None));

        Assert.That(product.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
    }

    [TestCaseSource(nameof(FailingPreconditions))]
    public async Task Stale_precondition_fails_and_the_product_stays_live(IfMatch precondition)
    {
        var product = _context.SeedProduct(_tenantId, HandlerTestContext.ProductDetails(), version: 7);

        var result = await _handler.Handle(new DeleteProductCommand(product.Id, precondition), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.DeletedAt, Is.Null);
            Assert.That(product.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public async Task Not_found_wins_over_the_precondition()
    {
        var deleted = _context.SeedProduct(_tenantId, HandlerTestContext.ProductDetails(), deleted: true, version: 7);

        var result = await _handler.Handle(new DeleteProductCommand(deleted.Id, IfMatch.For(1)), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }
}
