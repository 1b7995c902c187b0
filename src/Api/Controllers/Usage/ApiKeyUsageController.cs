using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Application.ApiKeys.GetApiKeyUsage;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Usage;

/// <summary>
/// One key's daily usage. Its own controller because it needs <c>usage:read</c>, not the <c>keys:manage</c> of the
/// other key routes. Same in v1 and v2.
/// </summary>
[ApiTag("Daily request counts of one of the calling tenant's API keys.")]
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/api-keys/{id:guid}/usage")]
[Authorize(Policy = Scopes.UsageRead)]
public sealed class ApiKeyUsageController : ApiControllerBase
{
    /// <summary>Daily <c>{date, requests, throttled}</c> from <c>from</c> to <c>to</c> (YYYY-MM-DD, inclusive; by default the last 30 days).</summary>
    [ApiOperation("getApiKeyUsage", "Get an API key's daily usage")]
    [HttpGet]
    [ProducesResponseType<ApiKeyUsageResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken) =>
        SendAsync(new GetApiKeyUsageQuery(id, from, to), days => Ok(new ApiKeyUsageResponse(days)), cancellationToken);
}
