using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Http;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Application.Products.GetProduct;
using QuoinApi.Application.Products.ListProducts;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Application.Products.RestoreProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Products;

/// <summary>
/// The product endpoints, once for every version. A version supplies only what differs: how a body becomes product
/// fields, how a merge patch is read, and how a product is shown (<typeparamref name="TRepresentation"/>).
/// </summary>
[RepresentationResponses]
[ApiTag("The tenant's product catalogue: create, read, list and search, replace, patch, delete and restore products.")]
public abstract class ProductsControllerBase<TRequest, TRepresentation> : ApiControllerBase
    where TRequest : class
    where TRepresentation : class
{
    protected abstract TRepresentation Represent(ProductDto product);

    protected abstract ProductBody Read(TRequest request);

    protected abstract Result<ProductPatch> ReadPatch(JsonElement document);

    [ApiOperation("createProduct", "Create a product")]
    [HttpPost]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [Consumes("application/json")]
    public Task<IActionResult> Create(TRequest request, CancellationToken cancellationToken)
    {
        var body = Read(request);
        return SendAsync(new CreateProductCommand(body.Sku, body.Name, body.Description, body.Price, body.Currency, body.Tags), product =>
        {
            Response.Headers.Location = LocationOf(nameof(Get), product.Id);
            return Representation(product.Version, Represent(product), StatusCodes.Status201Created);
        }, cancellationToken);
    }

    /// <summary>Lists products: keyset pages, sort, filters, full-text search, sparse fieldsets.</summary>
    [ApiOperation("listProducts", "List products")]
    [HttpGet]
    [Authorize(Policy = Scopes.ProductsRead)]
    public Task<IActionResult> List([FromQuery] ListQueryParameters list, [FromQuery] ProductFilterParameters filter, CancellationToken cancellationToken) =>
        SendListAsync(new ListProductsQuery(list.ToListRequest(), filter.ToFilter()), list, Represent, cancellationToken);

    /// <summary>Reads a product; honours If-None-Match (304).</summary>
    [ApiOperation("getProduct", "Get a product")]
    [HttpGet("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsRead)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetProductQuery(id), product => Representation(product.Version, Represent(product)), cancellationToken);

    /// <summary>Full replacement; honours If-Match (412).</summary>
    [ApiOperation("replaceProduct", "Replace a product")]
    [HttpPut("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [IfMatchRequired]
    [Consumes("application/json")]
    public Task<IActionResult> Replace(Guid id, TRequest request, CancellationToken cancellationToken)
    {
        var body = Read(request);
        return SendAsync(
            new ReplaceProductCommand(id, body.Sku, body.Name, body.Description, body.Price, body.Currency, body.Tags, EntityTags.ReadIfMatch(Request)),
            product => Representation(product.Version, Represent(product)), cancellationToken);
    }

    /// <summary>JSON merge patch (RFC 7396), validated by the same rules as PUT; honours If-Match (412).</summary>
    [ApiOperation("patchProduct", "Update a product with a merge patch")]
    [HttpPatch("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [IfMatchRequired]
    [Consumes(MergePatchReader.MediaType)]
    public async Task<IActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken cancellationToken)
    {
        var read = ReadPatch(patch);
        return read.IsSuccess
            ? await SendAsync(new PatchProductCommand(id, read.Value, EntityTags.ReadIfMatch(Request)),
                product => Representation(product.Version, Represent(product)), cancellationToken)
            : Problem(read.Error!, representationErrors: true);
    }

    /// <summary>Soft delete; restorable. Honours If-Match (412).</summary>
    [ApiOperation("deleteProduct", "Delete a product")]
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [IfMatchRequired]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteProductCommand(id, EntityTags.ReadIfMatch(Request)), cancellationToken);

    /// <summary>Brings a soft-deleted product back (409 when it is not deleted or its sku was taken). Honours If-Match.</summary>
    [ApiOperation("restoreProduct", "Restore a deleted product")]
    [HttpPost("{id:guid}/restore")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [IfMatchRequired]
    public Task<IActionResult> Restore(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new RestoreProductCommand(id, EntityTags.ReadIfMatch(Request)),
            product => Representation(product.Version, Represent(product)), cancellationToken);
}
