using QuoinApi.Application.Products;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Products.RestoreProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.RestoreProduct;

public sealed class RestoreProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private RestoreProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new RestoreProductHandler(_context.Products, _context.Conflicts, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    [Test]
    public async Task Restores_a_deleted_product_and_saves_once()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1", deleted: true);

        var dto = ResultAssert.Succeeded(await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-1"));
            Assert.That(dto.DeletedAt, Is.Null);
            Assert.That(product.DeletedAt, Is.Null);
            Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductRestored(product.Id, _tenantId, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task Live_product_is_a_conflict()
    {
        var product = _context.SeedProduct(_tenantId);

        var result = await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Conflict, "product.not_deleted");
    }

    [Test]
    public async Task Names_the_live_sku_rule_so_that_a_sku_taken_meanwhile_is_a_conflict_at_commit()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1", deleted: true);

        ResultAssert.Succeeded(await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None));

        Assert.That(_context.Conflicts.TryGet(ProductConstraints.LiveSku, out var error), Is.True);
        Assert.That(error, Is.EqualTo(ProductErrors.SkuInUse("SKU-1")));
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(new RestoreProductCommand(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    // --- If-Match ----------------------------------------------------------------------------------------------------

    private Product SeedDeleted(string sku = "SKU-1") =>
        _context.SeedProduct(_tenantId, HandlerTestContext.ProductDetails(sku), deleted: true, version: 7);

    private static IEnumerable<TestCaseData> MatchingPreconditions()
    {
        yield return new TestCaseData(IfMatch.For(7)).SetArgDisplayNames("matching version");
        yield return new TestCaseData(IfMatch.For(1, 7)).SetArgDisplayNames("one of the listed versions");
        yield return new TestCaseData(IfMatch.Wildcard).SetArgDisplayNames("wildcard");
        yield return new TestCaseData(IfMatch.None).SetArgDisplayNames("absent header");
        yield return new TestCaseData(null).SetArgDisplayNames("no precondition");
    }

    private static IEnumerable<TestCaseData> FailingPreconditions()
    {
        yield return new TestCaseData(IfMatch.For(6)).SetArgDisplayNames("older version");
        yield return new TestCaseData(IfMatch.For(8, 9)).SetArgDisplayNames("other versions");
        yield return new TestCaseData(new IfMatch(true, false, [])).SetArgDisplayNames("unreadable tag");
    }

    [TestCaseSource(nameof(MatchingPreconditions))]
    public async Task Restores_when_the_precondition_holds(IfMatch? precondition)
    {
        var product = SeedDeleted();

        ResultAssert.Succeeded(await _handler.Handle(new RestoreProductCommand(product.Id, precondition), CancellationToken.None));

        Assert.That(product.DeletedAt, Is.Null);
    }

    [TestCaseSource(nameof(FailingPreconditions))]
    public async Task Stale_precondition_fails_and_the_product_stays_deleted(IfMatch precondition)
    {
        var product = SeedDeleted();

        var result = await _handler.Handle(new RestoreProductCommand(product.Id, precondition), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(product.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public async Task Not_found_wins_over_the_precondition()
    {
        var result = await _handler.Handle(new RestoreProductCommand(Guid.CreateVersion7(), IfMatch.For(1)), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Precondition_is_checked_before_the_sku_and_the_state()
    {
        var taken = SeedDeleted("SKU-TAKEN");
        _context.SeedProduct(_tenantId, "SKU-TAKEN");
        var live = _context.SeedProduct(_tenantId, HandlerTestContext.ProductDetails("SKU-LIVE"), version: 7);

        ResultAssert.Failed(
            await _handler.Handle(new RestoreProductCommand(taken.Id, IfMatch.For(1)), CancellationToken.None),
            ErrorKind.VersionMismatch, "product.version_mismatch");
        ResultAssert.Failed(
            await _handler.Handle(new RestoreProductCommand(live.Id, IfMatch.For(1)), CancellationToken.None),
            ErrorKind.VersionMismatch, "product.version_mismatch");
    }
}
