using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Models;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.ListProducts;

public sealed class ListProductsHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<ListProductsQuery, ListResult<ProductDto>>
{
    public async Task<Result<ListResult<ProductDto>>> Handle(ListProductsQuery request, CancellationToken cancellationToken)
    {
        var items = await db.Products
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(request.PageSize)
            .ProjectToType<ProductDto>(mappings)
            .ToListAsync(cancellationToken);
        return new ListResult<ProductDto>(items);
    }
}
