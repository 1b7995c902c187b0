using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.ModulePlural.ReplaceModuleName;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.UnitTests.ModulePlural.ReplaceModuleName;

public sealed class ReplaceModuleNameHandlerTests
{
    private HandlerTestContext _context = null!;
    private FakeModuleNameRepository _modulePlural = null!;
    private ReplaceModuleNameHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _modulePlural = new FakeModuleNameRepository(_context.Writes);
        _handler = new ReplaceModuleNameHandler(_modulePlural, _context.Mappings, _context.Clock);
        _tenantId = Guid.CreateVersion7();
        _context.Principal.ActAsTenant(_tenantId, Scopes.ModulePluralWrite);
    }

    [Test]
    public async Task Replaces_the_state_and_returns_the_next_version()
    {
        var moduleName = _modulePlural.Seed(_tenantId, HandlerTestContext.Now.AddDays(-1));

        var dto = ResultAssert.Succeeded(await _handler.Handle(new ReplaceModuleNameCommand(moduleName.Id, " Second "), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Name, Is.EqualTo("Second"));
            Assert.That(dto.Version, Is.EqualTo(2u));
            Assert.That(dto.UpdatedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(moduleName.DomainEvents.Single(), Is.EqualTo(new ModuleNameUpdated(moduleName.Id, _tenantId, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task The_matching_version_replaces()
    {
        var moduleName = _modulePlural.Seed(_tenantId, HandlerTestContext.Now, version: 7);

        var dto = ResultAssert.Succeeded(await _handler.Handle(new ReplaceModuleNameCommand(moduleName.Id, "Second", IfMatch.For(7)), CancellationToken.None));

        Assert.That(dto.Version, Is.EqualTo(8u));
    }

    [Test]
    public async Task Another_version_is_a_mismatch_and_nothing_changes()
    {
        var moduleName = _modulePlural.Seed(_tenantId, HandlerTestContext.Now, version: 7);

        var result = await _handler.Handle(new ReplaceModuleNameCommand(moduleName.Id, "Second", IfMatch.For(6)), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "module_name.version_mismatch");
        Assert.That(moduleName.Name, Is.EqualTo("First"));
    }

    [Test]
    public async Task An_unknown_id_is_not_found_whatever_the_precondition() =>
        ResultAssert.Failed(await _handler.Handle(new ReplaceModuleNameCommand(Guid.CreateVersion7(), "Second", IfMatch.For(1)), CancellationToken.None),
            ErrorKind.NotFound, "module_name.not_found");
}
