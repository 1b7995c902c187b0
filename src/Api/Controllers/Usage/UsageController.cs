using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Application.Usage;
using QuoinApi.Application.Usage.GetUsage;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Usage;

/// <summary>The caller's tenant's use of the current month (UTC) against its quota. Same in v1 and v2.</summary>
[ApiTag("The calling tenant's use of its monthly quota.")]
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/usage")]
[Authorize(Policy = Scopes.UsageRead)]
public sealed class UsageController : ApiControllerBase
{
    /// <summary><c>{periodStart, periodEnd, requests, throttled, quota, remaining}</c>; trails live traffic by at most the usage flush interval.</summary>
    [ApiOperation("getUsage", "Get the tenant's usage this month")]
    [HttpGet]
    [ProducesResponseType<UsageDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(CancellationToken cancellationToken) =>
        SendAsync(new GetUsageQuery(), Ok, cancellationToken);
}
