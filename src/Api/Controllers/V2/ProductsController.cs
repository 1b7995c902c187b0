using System.Text.Json;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Contracts.V2;
using QuoinApi.Api.Controllers.Products;
using QuoinApi.Api.Http;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.V2;

/// <summary>Products, v2: the same rows as v1, with the price as <c>{amountMinor, currency}</c>.</summary>
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController : ProductsControllerBase<ProductRequestV2, ProductV2>
{
    protected override ProductV2 Represent(ProductDto product) => ProductV2.From(product);

    protected override ProductBody Read(ProductRequestV2 request) =>
        new(request.Sku ?? string.Empty, request.Name ?? string.Empty, request.Description, ProductV2.PriceOf(request.Price),
            request.Price?.Currency ?? string.Empty, request.Tags);

    protected override Result<ProductPatch> ReadPatch(JsonElement document) => MergePatchReader.ReadV2(document);

    /// <summary>Validation speaks of the shared fields; v2 clients know them as members of <c>price</c>.</summary>
    protected override string RenameMember(string member) => member switch
    {
        "price" => "price.amountMinor",
        "currency" => "price.currency",
        _ => member,
    };
}
