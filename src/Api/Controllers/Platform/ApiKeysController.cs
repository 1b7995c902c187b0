using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Api.Http;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.GetApiKey;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Platform;

/// <summary>The calling tenant's API keys. Secrets are returned once, at creation or rotation. Same in v1 and v2.</summary>
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/api-keys")]
[Authorize(Policy = Scopes.KeysManage)]
[ApiTag("The calling tenant's API keys. A key's secret is returned only when the key is created or rotated.")]
public sealed class ApiKeysController : ApiControllerBase
{
    [ApiOperation("createApiKey", "Create an API key")]
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<ApiKeyCreatedDto>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(CreateApiKeyRequest request, CancellationToken cancellationToken) =>
        SendAsync(new CreateApiKeyCommand(request.Name ?? string.Empty, request.Scopes ?? [], request.ExpiresAt),
            created => CreatedAt(nameof(Get), created.Id, created), cancellationToken);

    [ApiOperation("listApiKeys", "List API keys")]
    [HttpGet]
    [ProducesResponseType<Application.Common.Paging.ListResult<ApiKeyDto>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ListQueryParameters list, CancellationToken cancellationToken) =>
        SendListAsync(new ListApiKeysQuery(list.ToListRequest()), list, key => key, cancellationToken);

    [ApiOperation("getApiKey", "Get an API key")]
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ApiKeyDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetApiKeyQuery(id), Ok, cancellationToken);

    /// <summary>Issues a replacement; the old key works until the grace period ends (default 86400 s, max 604800 s).</summary>
    [ApiOperation("rotateApiKey", "Rotate an API key")]
    [HttpPost("{id:guid}/rotate")]
    [Consumes("application/json")]
    [ProducesResponseType<ApiKeyCreatedDto>(StatusCodes.Status201Created)]
    public Task<IActionResult> Rotate(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateApiKeyRequest? request, CancellationToken cancellationToken) =>
        SendAsync(new RotateApiKeyCommand(id, request?.GracePeriodSeconds),
            created => CreatedAt(nameof(Get), created.Id, created), cancellationToken);

    /// <summary>Revokes the key at once.</summary>
    [ApiOperation("revokeApiKey", "Revoke an API key")]
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new RevokeApiKeyCommand(id), cancellationToken);
}
