using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Api.Http;
#if (IncludeRatePlans)
using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
#endif
using QuoinApi.Application.Tenants.CreateTenant;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Application.Tenants.GetTenant;
using QuoinApi.Application.Tenants.ListTenants;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Platform;

/// <summary>Tenant administration (platform administrators only). Same contract in v1 and v2.</summary>
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/tenants")]
[Authorize(Policy = Scopes.PlatformAdmin)]
#if (IncludeRatePlans)
[ApiTag("Tenant administration, for platform administrators: create, list, read and delete tenants, change their rate plan.")]
#else
[ApiTag("Tenant administration, for platform administrators: create, list, read and delete tenants.")]
#endif
public sealed class TenantsController : ApiControllerBase
{
    /// <summary>Creates a tenant and its first owner key (shown once).</summary>
    [ApiOperation("createTenant", "Create a tenant")]
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<CreatedTenantResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(CreateTenantRequest request, CancellationToken cancellationToken) =>
#if (IncludeRatePlans)
        SendAsync(new CreateTenantCommand(request.Name ?? string.Empty, (request.RatePlan ?? RatePlanName.Free).ToDomain()),
#else
        SendAsync(new CreateTenantCommand(request.Name ?? string.Empty),
#endif
            created => CreatedAt(nameof(Get), created.Id, CreatedTenantResponse.From(created)), cancellationToken);

    [ApiOperation("listTenants", "List tenants")]
    [HttpGet]
    [ProducesResponseType<Application.Common.Paging.ListResult<TenantResponse>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ListQueryParameters list, CancellationToken cancellationToken) =>
        SendListAsync(new ListTenantsQuery(list.ToListRequest()), list, TenantResponse.From, cancellationToken);

    [ApiOperation("getTenant", "Get a tenant")]
    [HttpGet("{id:guid}")]
    [ProducesResponseType<TenantResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetTenantQuery(id), tenant => Ok(TenantResponse.From(tenant)), cancellationToken);

#if (IncludeRatePlans)
    [ApiOperation("changeTenantRatePlan", "Change a tenant's rate plan")]
    [HttpPut("{id:guid}/rate-plan")]
    [Consumes("application/json")]
    [ProducesResponseType<TenantResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> ChangeRatePlan(Guid id, ChangeRatePlanRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ChangeTenantRatePlanCommand(id, request.RatePlan?.ToDomain()), tenant => Ok(TenantResponse.From(tenant)), cancellationToken);
#endif

    /// <summary>Soft-deletes the tenant; its keys stop working at once.</summary>
    [ApiOperation("deleteTenant", "Delete a tenant")]
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteTenantCommand(id), cancellationToken);
}
