using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products.GetProduct;

/// <summary>The hottest read of the API, so its query is compiled once (<see cref="CompiledProjections"/>).</summary>
public sealed class GetProductHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<GetProductQuery, ProductDto>
{
    // One mapping configuration per process: compiled with the first one seen.
    private static Func<DbContext, Guid, CancellationToken, Task<ProductDto?>>? _byId;

    public async Task<Result<ProductDto>> Handle(GetProductQuery request, CancellationToken cancellationToken)
    {
        _byId ??= CompiledProjections.FirstOrDefault<Product, Guid, ProductDto>(mappings, (product, id) => product.Id == id);
        var product = await db.RunAsync(_byId, request.Id, cancellationToken);
        return product is null ? ProductErrors.NotFound : product;
    }
}
