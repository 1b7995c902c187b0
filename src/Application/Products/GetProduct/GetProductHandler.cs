using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.GetProduct;

public sealed class GetProductHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<GetProductQuery, ProductDto>
{
    public async Task<Result<ProductDto>> Handle(GetProductQuery request, CancellationToken cancellationToken)
    {
        var product = await db.Products
            .Where(p => p.Id == request.Id)
            .ProjectToDto<ProductDto>(mappings)
            .FirstOrDefaultAsync(cancellationToken);
        return product is null ? ProductErrors.NotFound : product;
    }
}
