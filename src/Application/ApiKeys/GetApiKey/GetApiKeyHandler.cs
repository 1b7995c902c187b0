using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.GetApiKey;

public sealed class GetApiKeyHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<GetApiKeyQuery, ApiKeyDto>
{
    public async Task<Result<ApiKeyDto>> Handle(GetApiKeyQuery request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys
            .Where(k => k.Id == request.Id)
            .ProjectToDto<ApiKeyDto>(mappings)
            .FirstOrDefaultAsync(cancellationToken);
        return key is null ? Error.NotFound("api_key") : key;
    }
}
