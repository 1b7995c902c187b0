using QuoinApi.Application.Products;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.ReplaceProduct;

public sealed class ReplaceProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private ReplaceProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new ReplaceProductHandler(_context.Products, _context.Conflicts, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    private static ReplaceProductCommand Command(Guid id, string sku = "SKU-NEW") =>
        new(id, sku, " Gadget ", null, 99.99m, "USD", ["blue"]);

    [Test]
    public async Task Replaces_every_field_and_saves_once()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");
        _context.Clock.Advance(TimeSpan.FromMinutes(5));

        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(product.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-NEW"));
            Assert.That(dto.Name, Is.EqualTo("Gadget"));
            Assert.That(dto.Description, Is.Null);
            Assert.That(dto.Price, Is.EqualTo(99.99m));
            Assert.That(dto.Currency, Is.EqualTo("USD"));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "blue" }));
            Assert.That(product.Name, Is.EqualTo("Gadget"));
            Assert.That(product.DomainEvents.Single(),
                Is.EqualTo(new ProductUpdated(product.Id, _tenantId, HandlerTestContext.Now.AddMinutes(5))));
        }
    }

    [Test]
    public async Task Keeping_the_same_sku_is_allowed()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");

        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(product.Id, "SKU-1"), CancellationToken.None));

        Assert.That(dto.Sku, Is.EqualTo("SKU-1"));
    }

    [Test]
    public async Task Names_the_live_sku_rule_for_the_new_sku()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");

        ResultAssert.Succeeded(await _handler.Handle(Command(product.Id, "SKU-NEW"), CancellationToken.None));

        Assert.That(_context.Conflicts.TryGet(ProductConstraints.LiveSku, out var error), Is.True);
        Assert.That(error, Is.EqualTo(ProductErrors.SkuInUse("SKU-NEW")));
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(Command(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    // --- If-Match ----------------------------------------------------------------------------------------------------

    private Product SeedVersioned(string sku = "SKU-1") =>
        _context.SeedProduct(_tenantId, HandlerTestContext.ProductDetails(sku), version: 7);

    private static IEnumerable<TestCaseData> MatchingPreconditions()
    {
        yield return new TestCaseData(IfMatch.For(7)).SetArgDisplayNames("matching version");
        yield return new TestCaseData(IfMatch.For(2, 7)).SetArgDisplayNames("one of the listed versions");
        yield return new TestCaseData(IfMatch.Wildcard).SetArgDisplayNames("wildcard");
        yield return new TestCaseData(IfMatch.None).SetArgDisplayNames("absent header");
        yield return new TestCaseData(null).SetArgDisplayNames("no precondition");
    }

    private static IEnumerable<TestCaseData> FailingPreconditions()
    {
        yield return new TestCaseData(IfMatch.For(6)).SetArgDisplayNames("older version");
        yield return new TestCaseData(IfMatch.For(8)).SetArgDisplayNames("newer version");
        yield return new TestCaseData(IfMatch.For(1, 2)).SetArgDisplayNames("other versions");
        yield return new TestCaseData(new IfMatch(true, false, [])).SetArgDisplayNames("unreadable tag");
    }

    [TestCaseSource(nameof(MatchingPreconditions))]
    public async Task Replaces_when_the_precondition_holds(IfMatch? precondition)
    {
        var product = SeedVersioned();

        ResultAssert.Succeeded(await _handler.Handle(Command(product.Id) with { Precondition = precondition }, CancellationToken.None));

        Assert.That(product.Sku, Is.EqualTo("SKU-NEW"));
    }

    [TestCaseSource(nameof(FailingPreconditions))]
    public async Task Stale_precondition_fails_and_nothing_changes(IfMatch precondition)
    {
        var product = SeedVersioned();

        var result = await _handler.Handle(Command(product.Id) with { Precondition = precondition }, CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.Sku, Is.EqualTo("SKU-1"));
            Assert.That(product.Name, Is.EqualTo("Widget"));
            Assert.That(product.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public async Task Not_found_wins_over_the_precondition()
    {
        var result = await _handler.Handle(Command(Guid.CreateVersion7()) with { Precondition = IfMatch.For(1) }, CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Precondition_is_checked_before_the_sku()
    {
        var product = SeedVersioned();
        _context.SeedProduct(_tenantId, "SKU-TAKEN");

        var result = await _handler.Handle(Command(product.Id, "SKU-TAKEN") with { Precondition = IfMatch.For(1) }, CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
    }

    [Test]
    public async Task Price_is_stored_with_two_decimals()
    {
        var product = SeedVersioned();

        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(product.Id) with { Price = 13.5m }, CancellationToken.None));

        Assert.That(dto.Price.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("13.50"));
    }
}
