using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Application.RatePlans.ListRatePlans;

namespace QuoinApi.Api.Controllers.Usage;

/// <summary>The rate plans and their limits, for any authenticated caller. Same in v1 and v2.</summary>
[ApiTag("The rate plans and their limits.")]
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/rate-plans")]
[Authorize]
public sealed class RatePlansController : ApiControllerBase
{
    [ApiOperation("listRatePlans", "List the rate plans")]
    [HttpGet]
    [ProducesResponseType<RatePlanListResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(CancellationToken cancellationToken) =>
        SendAsync(new ListRatePlansQuery(), plans => Ok(new RatePlanListResponse(plans.Select(RatePlanResponse.From).ToList())), cancellationToken);
}
