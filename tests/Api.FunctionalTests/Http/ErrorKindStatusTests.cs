using QuoinApi.Api.Controllers;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>Every kind of expected failure is a client error with its own status: none falls through to a 500.</summary>
public sealed class ErrorKindStatusTests
{
    [Test]
    public void Every_error_kind_maps_to_a_4xx_status([Values] ErrorKind kind) =>
        Assert.That(ApiControllerBase.StatusCodeOf(kind), Is.InRange(400, 499));

    [Test]
    public void No_two_error_kinds_share_a_status() =>
        Assert.That(Enum.GetValues<ErrorKind>().Select(ApiControllerBase.StatusCodeOf), Is.Unique);
}
