using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Models;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<ListApiKeysQuery, ListResult<ApiKeyDto>>
{
    public async Task<Result<ListResult<ApiKeyDto>>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var items = await db.ApiKeys
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Take(request.PageSize)
            .ProjectToType<ApiKeyDto>(mappings)
            .ToListAsync(cancellationToken);
        return new ListResult<ApiKeyDto>(items);
    }
}
