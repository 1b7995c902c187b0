using QuoinApi.Application.FeatureName.UseCaseName;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.FeatureName.UseCaseName;

public sealed class UseCaseNameHandlerTests
{
    private HandlerTestContext _context = null!;
    private UseCaseNameHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new UseCaseNameHandler(_context.Principal, _context.UnitOfWork);
    }

    [Test]
    public async Task A_tenant_s_request_is_saved_once()
    {
        _context.Principal.ActAsTenant(Guid.NewGuid(), Scopes.WriteScopeName);

        ResultAssert.Succeeded(await _handler.Handle(new UseCaseNameCommand(Guid.NewGuid()), CancellationToken.None));

        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_caller_without_a_tenant_is_forbidden_and_nothing_is_saved()
    {
        _context.Principal.ActAsPlatformAdmin();

        var result = await _handler.Handle(new UseCaseNameCommand(Guid.NewGuid()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Forbidden, "feature_code.tenant_required");
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
    }
}
