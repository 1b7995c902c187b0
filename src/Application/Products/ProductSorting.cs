using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>The product sort whitelist (docs/http-contract.md#5-lists); each field has a matching index (tenant, field, id) for keyset paging.</summary>
public static class ProductSorting
{
    public static readonly SortableFields<Product> Fields = new SortableFields<Product>(p => p.Id, defaultSort: "-createdAt")
        .Add("name", p => p.Name)
        .Add("sku", p => p.Sku)
        .Add("price", p => p.Price)
        .Add("createdAt", p => p.CreatedAt)
        .Add("updatedAt", p => p.UpdatedAt);
}
