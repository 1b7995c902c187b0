using QuoinApi.Application.Tenants;
using QuoinApi.Application.Tenants.GetTenant;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Tenants.GetTenant;

public sealed class GetTenantHandlerTests
{
    private HandlerTestContext _context = null!;
    private GetTenantHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new GetTenantHandler(_context.ReadDb, _context.Mappings);
        _context.Principal.ActAsPlatformAdmin();
    }

    [Test]
    public async Task Live_tenant_is_returned()
    {
        var tenant = _context.SeedTenant("Acme", RatePlan.Enterprise, HandlerTestContext.Now.AddDays(-1));

        var dto = ResultAssert.Succeeded(await _handler.Handle(new GetTenantQuery(tenant.Id), CancellationToken.None));

        Assert.That(dto, Is.EqualTo(new TenantDto(tenant.Id, "Acme", RatePlan.Enterprise, HandlerTestContext.Now.AddDays(-1), HandlerTestContext.Now.AddDays(-1))));
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(new GetTenantQuery(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
    }

    [Test]
    public async Task Deleted_tenant_is_not_found()
    {
        var tenant = _context.SeedTenant();
        tenant.Delete(HandlerTestContext.Now);

        var result = await _handler.Handle(new GetTenantQuery(tenant.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
    }
}
