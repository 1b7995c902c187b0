using System.Text.Json;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Api.Controllers.Products;
using QuoinApi.Api.Http;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.V1;

/// <summary>Products, v1 (deprecated): the price is a decimal in major units.</summary>
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController : ProductsControllerBase<ProductRequestV1, ProductV1>
{
    protected override ProductV1 Represent(ProductDto product) => ProductV1.From(product);

    protected override ProductBody Read(ProductRequestV1 request) =>
        new(request.Sku ?? string.Empty, request.Name ?? string.Empty, request.Description, request.Price, request.Currency ?? string.Empty, request.Tags);

    protected override Result<ProductPatch> ReadPatch(JsonElement document) => MergePatchReader.ReadV1(document);
}
