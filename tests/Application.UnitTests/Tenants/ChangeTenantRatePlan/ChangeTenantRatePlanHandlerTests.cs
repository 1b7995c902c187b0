using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Tenants.ChangeTenantRatePlan;

public sealed class ChangeTenantRatePlanHandlerTests
{
    private HandlerTestContext _context = null!;
    private ChangeTenantRatePlanHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new ChangeTenantRatePlanHandler(_context.Tenants, _context.Mappings, _context.Clock);
        _context.Principal.ActAsPlatformAdmin();
    }

    [Test]
    public async Task Changes_the_plan_saves_once_and_returns_the_tenant()
    {
        var tenant = _context.SeedTenant("Acme", RatePlan.Free);
        _context.Clock.Advance(TimeSpan.FromHours(1));

        var dto = ResultAssert.Succeeded(await _handler.Handle(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Enterprise), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(tenant.Id));
            Assert.That(dto.Name, Is.EqualTo("Acme"));
            Assert.That(dto.RatePlan, Is.EqualTo(RatePlan.Enterprise));
            Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(
                new TenantRatePlanChanged(tenant.Id, RatePlan.Free, RatePlan.Enterprise, HandlerTestContext.Now.AddHours(1))));
        }
    }

    [Test]
    public async Task Same_plan_succeeds_without_an_event()
    {
        var tenant = _context.SeedTenant("Acme", RatePlan.Pro);

        var dto = ResultAssert.Succeeded(await _handler.Handle(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Pro), CancellationToken.None));

        Assert.That(dto.RatePlan, Is.EqualTo(RatePlan.Pro));
        Assert.That(tenant.DomainEvents, Is.Empty);
    }

    [Test]
    public async Task Unknown_tenant_is_not_found_and_nothing_is_saved()
    {
        var result = await _handler.Handle(new ChangeTenantRatePlanCommand(Guid.CreateVersion7(), RatePlan.Pro), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
    }
}
