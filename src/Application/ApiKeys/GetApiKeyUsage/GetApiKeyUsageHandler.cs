using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.GetApiKeyUsage;

/// <summary>
/// One item per day with traffic, oldest first. The key must be a live key of the caller's tenant (the filters hide
/// other tenants' and revoked keys: 404). Without <c>from</c>, the range starts <see cref="GetApiKeyUsageQuery.DefaultDays"/>
/// days before its end; without <c>to</c>, it ends today (UTC) or, when only <c>from</c> is given, at most
/// <see cref="GetApiKeyUsageQuery.MaxDays"/> days after it.
/// </summary>
public sealed class GetApiKeyUsageHandler(IReadDbContext db, TimeProvider clock) : IQueryHandler<GetApiKeyUsageQuery, IReadOnlyList<ApiKeyUsageDto>>
{
    public async Task<Result<IReadOnlyList<ApiKeyUsageDto>>> Handle(GetApiKeyUsageQuery request, CancellationToken cancellationToken)
    {
        if (!await db.ApiKeys.AnyAsync(k => k.Id == request.Id, cancellationToken))
        {
            return Error.NotFound("api_key");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = request.To ?? (request.From is { } start && start.AddDays(GetApiKeyUsageQuery.MaxDays - 1) < today
            ? start.AddDays(GetApiKeyUsageQuery.MaxDays - 1)
            : today);
        var from = request.From ?? to.AddDays(1 - GetApiKeyUsageQuery.DefaultDays);

        IReadOnlyList<ApiKeyUsageDto> days = await db.ApiKeyUsage
            .Where(u => u.ApiKeyId == request.Id && u.Date >= from && u.Date <= to)
            .OrderBy(u => u.Date)
            .Select(u => new ApiKeyUsageDto(u.Date, u.Requests, u.Throttled))
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<ApiKeyUsageDto>>.Ok(days);
    }
}
