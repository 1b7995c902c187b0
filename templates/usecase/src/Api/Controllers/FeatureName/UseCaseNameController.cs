using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Application.FeatureName.UseCaseName;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.FeatureName;

/// <summary>UseCaseName, in both versions (a version-specific body would go through one controller per version).</summary>
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/feature-route")]
[Tags("FeatureName")]
public sealed class UseCaseNameController : ApiControllerBase
{
    [ApiOperation("useCaseNameOperation", "Summary of the operation")]
#if (isCommand)
    [HttpPost("{id:guid}/use-case-route")]
    [Authorize(Policy = Scopes.WriteScopeName)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> UseCaseName(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new UseCaseNameCommand(id), cancellationToken);
#else
    [HttpGet("{id:guid}/use-case-route")]
    [Authorize(Policy = Scopes.ReadScopeName)]
    [ProducesResponseType<UseCaseNameResult>(StatusCodes.Status200OK)]
    public Task<IActionResult> UseCaseName(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new UseCaseNameQuery(id), Ok, cancellationToken);
#endif
}
