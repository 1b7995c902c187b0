using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.ModulePlural.DeleteModuleName;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.UnitTests.ModulePlural.DeleteModuleName;

public sealed class DeleteModuleNameHandlerTests
{
    private HandlerTestContext _context = null!;
    private FakeModuleNameRepository _modulePlural = null!;
    private DeleteModuleNameHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _modulePlural = new FakeModuleNameRepository(_context.Writes);
        _handler = new DeleteModuleNameHandler(_modulePlural, _context.Clock);
        _tenantId = Guid.CreateVersion7();
        _context.Principal.ActAsTenant(_tenantId, Scopes.ModulePluralWrite);
    }

    [Test]
    public async Task Soft_deletes_it()
    {
        var moduleName = _modulePlural.Seed(_tenantId, HandlerTestContext.Now);

        ResultAssert.Succeeded(await _handler.Handle(new DeleteModuleNameCommand(moduleName.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moduleName.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(moduleName.DomainEvents.Single(), Is.EqualTo(new ModuleNameDeleted(moduleName.Id, _tenantId, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task Another_version_is_a_mismatch_and_it_stays_live()
    {
        var moduleName = _modulePlural.Seed(_tenantId, HandlerTestContext.Now, version: 3);

        var result = await _handler.Handle(new DeleteModuleNameCommand(moduleName.Id, IfMatch.For(2)), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "module_name.version_mismatch");
        Assert.That(moduleName.DeletedAt, Is.Null);
    }

    [Test]
    public async Task An_unknown_id_is_not_found() =>
        ResultAssert.Failed(await _handler.Handle(new DeleteModuleNameCommand(Guid.CreateVersion7()), CancellationToken.None),
            ErrorKind.NotFound, "module_name.not_found");
}
