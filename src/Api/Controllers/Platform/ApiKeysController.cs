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
public sealed class ApiKeysController : ApiControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<ApiKeyCreatedDto>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(CreateApiKeyRequest request, CancellationToken cancellationToken) =>
        SendAsync(new CreateApiKeyCommand(request.Name ?? string.Empty, request.Scopes ?? [], request.ExpiresAt),
            created => CreatedAt(nameof(Get), created.Id, created), cancellationToken);

    [HttpGet]
    [ProducesResponseType<Application.Common.Paging.ListResult<ApiKeyDto>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ListQueryParameters list, CancellationToken cancellationToken) =>
        SendListAsync(new ListApiKeysQuery(list.ToListRequest()), list, key => key, cancellationToken);

    [HttpGet("{id:guid}")]
    [ProducesResponseType<ApiKeyDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetApiKeyQuery(id), Ok, cancellationToken);

    /// <summary>Issues a replacement; the old key works until the grace period ends (default 86400 s, max 604800 s).</summary>
    [HttpPost("{id:guid}/rotate")]
    [Consumes("application/json")]
    [ProducesResponseType<ApiKeyCreatedDto>(StatusCodes.Status201Created)]
    public Task<IActionResult> Rotate(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateApiKeyRequest? request, CancellationToken cancellationToken) =>
        SendAsync(new RotateApiKeyCommand(id, request?.GracePeriodSeconds),
            created => CreatedAt(nameof(Get), created.Id, created), cancellationToken);

    /// <summary>Revokes the key at once.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new RevokeApiKeyCommand(id), cancellationToken);
}
