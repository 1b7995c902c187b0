using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Application.Common.Models;
using QuoinApi.Application.Tenants;
using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
using QuoinApi.Application.Tenants.CreateTenant;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Application.Tenants.GetTenant;
using QuoinApi.Application.Tenants.ListTenants;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Api.Controllers.V1;

/// <summary>Tenant administration (platform administrators only).</summary>
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/tenants")]
[Authorize(Policy = Scopes.PlatformAdmin)]
public sealed class TenantsController : ApiControllerBase
{
    /// <summary>Creates a tenant and its first owner key (shown once).</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<CreateTenantResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<ActionResult<CreateTenantResponse>> Create(CreateTenantRequest request, CancellationToken cancellationToken) =>
        SendAsync(new CreateTenantCommand(request.Name ?? string.Empty, request.RatePlan ?? RatePlan.Free),
            created => CreatedAtAction(nameof(Get), new { id = created.Id, version = "1" }, created), cancellationToken);

    [HttpGet]
    [ProducesResponseType<ListResult<TenantDto>>(StatusCodes.Status200OK)]
    public Task<ActionResult<ListResult<TenantDto>>> List([FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        SendAsync(new ListTenantsQuery(pageSize), page => page, cancellationToken);

    [HttpGet("{id:guid}")]
    [ProducesResponseType<TenantDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ActionResult<TenantDto>> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetTenantQuery(id), tenant => tenant, cancellationToken);

    [HttpPut("{id:guid}/rate-plan")]
    [Consumes("application/json")]
    [ProducesResponseType<TenantDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ActionResult<TenantDto>> ChangeRatePlan(Guid id, ChangeRatePlanRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ChangeTenantRatePlanCommand(id, request.RatePlan), tenant => tenant, cancellationToken);

    /// <summary>Soft-deletes the tenant; its keys stop working at once.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteTenantCommand(id), cancellationToken);
}
