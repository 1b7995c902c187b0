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
        _handler = new UseCaseNameHandler(_context.Principal);
    }

    [Test]
    public async Task A_tenant_s_request_succeeds()
    {
        _context.Principal.ActAsTenant(Guid.NewGuid(), Scopes.WriteScopeName);

        var result = await _handler.Handle(new UseCaseNameCommand(Guid.NewGuid()), CancellationToken.None);

        Assert.That(ResultAssert.Succeeded(result), Is.EqualTo(Success.Value));
    }

    [Test]
    public async Task A_caller_without_a_tenant_is_forbidden()
    {
        _context.Principal.ActAsPlatformAdmin();

        var result = await _handler.Handle(new UseCaseNameCommand(Guid.NewGuid()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Forbidden, "feature_code.tenant_required");
    }
}
