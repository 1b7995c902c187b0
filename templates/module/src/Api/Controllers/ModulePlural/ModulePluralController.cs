using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Api.Http;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.ModulePlural.CreateModuleName;
using QuoinApi.Application.ModulePlural.DeleteModuleName;
using QuoinApi.Application.ModulePlural.GetModuleName;
using QuoinApi.Application.ModulePlural.ListModulePlural;
using QuoinApi.Application.ModulePlural.ReplaceModuleName;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.ModulePlural;

/// <summary>
/// The calling tenant's items_phrase, with strong ETags; the same in v1 and v2 (a version-specific representation
/// would go through a base controller and one controller per version).
/// </summary>
[ApiTag("The tenant's items_phrase: create, read, list, replace and delete them.")]
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/module-plural")]
public sealed class ModulePluralController : ApiControllerBase
{
    [ApiOperation("createModuleName", "Create an_item_phrase")]
    [HttpPost]
    [Authorize(Policy = Scopes.ModulePluralWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<ModuleNameResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(ModuleNameRequest request, CancellationToken cancellationToken) =>
        SendAsync(new CreateModuleNameCommand(request.Name ?? string.Empty), moduleName =>
        {
            Response.Headers.Location = LocationOf(nameof(Get), moduleName.Id);
            return Representation(moduleName.Version, ModuleNameResponse.From(moduleName), StatusCodes.Status201Created);
        }, cancellationToken);

    /// <summary>Keyset pages, sort and sparse fieldsets (docs/http-contract.md#5-lists).</summary>
    [ApiOperation("listModulePlural", "List items_phrase")]
    [HttpGet]
    [Authorize(Policy = Scopes.ModulePluralRead)]
    [ProducesResponseType<ListResult<ModuleNameResponse>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ListQueryParameters list, CancellationToken cancellationToken) =>
        SendListAsync(new ListModulePluralQuery(list.ToListRequest()), list, ModuleNameResponse.From, cancellationToken);

    /// <summary>Reads an_item_phrase; honours If-None-Match (304).</summary>
    [ApiOperation("getModuleName", "Get an_item_phrase")]
    [HttpGet("{id:guid}")]
    [Authorize(Policy = Scopes.ModulePluralRead)]
    [ProducesResponseType<ModuleNameResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetModuleNameQuery(id), moduleName => Representation(moduleName.Version, ModuleNameResponse.From(moduleName)), cancellationToken);

    /// <summary>Full replacement; honours If-Match (412).</summary>
    [ApiOperation("replaceModuleName", "Replace an_item_phrase")]
    [HttpPut("{id:guid}")]
    [Authorize(Policy = Scopes.ModulePluralWrite)]
    [IfMatchRequired]
    [Consumes("application/json")]
    [ProducesResponseType<ModuleNameResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> Replace(Guid id, ModuleNameRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ReplaceModuleNameCommand(id, request.Name ?? string.Empty, EntityTags.ReadIfMatch(Request)),
            moduleName => Representation(moduleName.Version, ModuleNameResponse.From(moduleName)), cancellationToken);

    /// <summary>Soft delete. Honours If-Match (412).</summary>
    [ApiOperation("deleteModuleName", "Delete an_item_phrase")]
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = Scopes.ModulePluralWrite)]
    [IfMatchRequired]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteModuleNameCommand(id, EntityTags.ReadIfMatch(Request)), cancellationToken);
}
