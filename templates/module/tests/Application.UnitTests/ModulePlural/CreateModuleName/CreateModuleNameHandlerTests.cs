using QuoinApi.Application.Common.Auditing;
using QuoinApi.Application.ModulePlural.CreateModuleName;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.UnitTests.ModulePlural.CreateModuleName;

public sealed class CreateModuleNameHandlerTests
{
    private HandlerTestContext _context = null!;
    private CreateModuleNameHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new CreateModuleNameHandler(new FakeModuleNameRepository(_context.Writes), _context.Principal, _context.Mappings, _context.Clock);
        _tenantId = Guid.CreateVersion7();
        _context.Principal.ActAsTenant(_tenantId, Scopes.ModulePluralWrite);
    }

    [Test]
    public async Task Adds_it_to_the_caller_s_tenant_and_returns_it_at_version_1()
    {
        var dto = ResultAssert.Succeeded(await _handler.Handle(new CreateModuleNameCommand("  First  "), CancellationToken.None));

        var stored = _context.Writes.Added<ModuleName>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Id, Is.EqualTo(dto.Id));
            Assert.That(stored.TenantId, Is.EqualTo(_tenantId));
            Assert.That(stored.DomainEvents.Single(), Is.EqualTo(new ModuleNameCreated(stored.Id, _tenantId, HandlerTestContext.Now)));
            Assert.That(dto.Name, Is.EqualTo("First"), "the name is trimmed");
            Assert.That(dto.Version, Is.EqualTo(1u));
            Assert.That(dto.CreatedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(dto.UpdatedAt, Is.EqualTo(HandlerTestContext.Now));
        }
    }

    [Test]
    public async Task A_caller_without_a_tenant_is_forbidden_and_nothing_is_added()
    {
        _context.Principal.ActAsPlatformAdmin();

        var result = await _handler.Handle(new CreateModuleNameCommand("First"), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Forbidden, "module_name.tenant_required");
        Assert.That(_context.Writes.Added<object>(), Is.Empty);
    }

    [Test]
    public void The_audit_log_names_the_resource_and_the_action_after_it() =>
        Assert.That(AuditRecords.ActionOf(typeof(CreateModuleNameCommand)), Is.EqualTo(("module_name", "module_name.create")));
}
