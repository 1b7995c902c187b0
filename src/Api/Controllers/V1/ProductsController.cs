using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Application.Common.Models;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Application.Products.GetProduct;
using QuoinApi.Application.Products.ListProducts;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Application.Products.RestoreProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.V1;

/// <summary>The sample business module: the calling tenant's products (v1: price as a decimal).</summary>
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/products")]
public sealed class ProductsController : ApiControllerBase
{
    [HttpPost]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<ProductDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult<ProductDto>> Create(ProductRequestV1 request, CancellationToken cancellationToken) =>
        SendAsync(new CreateProductCommand(request.Sku ?? string.Empty, request.Name ?? string.Empty, request.Description, request.Price,
                request.Currency ?? string.Empty, request.Tags),
            product => WithETag(product, CreatedAtAction(nameof(Get), new { id = product.Id, version = "1" }, product)), cancellationToken);

    [HttpGet]
    [Authorize(Policy = Scopes.ProductsRead)]
    [ProducesResponseType<ListResult<ProductDto>>(StatusCodes.Status200OK)]
    public Task<ActionResult<ListResult<ProductDto>>> List([FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        SendAsync(new ListProductsQuery(pageSize), page => page, cancellationToken);

    [HttpGet("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsRead)]
    [ProducesResponseType<ProductDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ActionResult<ProductDto>> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetProductQuery(id), product => WithETag(product, Ok(product)), cancellationToken);

    /// <summary>Full replacement.</summary>
    [HttpPut("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<ProductDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult<ProductDto>> Replace(Guid id, ProductRequestV1 request, CancellationToken cancellationToken) =>
        SendAsync(new ReplaceProductCommand(id, request.Sku ?? string.Empty, request.Name ?? string.Empty, request.Description, request.Price,
                request.Currency ?? string.Empty, request.Tags),
            product => WithETag(product, Ok(product)), cancellationToken);

    /// <summary>Soft delete; restorable.</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteProductCommand(id), cancellationToken);

    [HttpPost("{id:guid}/restore")]
    [Authorize(Policy = Scopes.ProductsWrite)]
    [ProducesResponseType<ProductDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult<ProductDto>> Restore(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new RestoreProductCommand(id), product => WithETag(product, Ok(product)), cancellationToken);

    private ActionResult<ProductDto> WithETag(ProductDto product, ActionResult result)
    {
        SetETag(product.Version);
        return result;
    }
}
