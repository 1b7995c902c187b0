using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ApiKeys.GetApiKeyUsage;

/// <summary>A key's daily usage from <paramref name="From"/> to <paramref name="To"/> (both inclusive; by default the last 30 days).</summary>
public sealed record GetApiKeyUsageQuery(Guid Id, DateOnly? From, DateOnly? To) : IQuery<IReadOnlyList<ApiKeyUsageDto>>
{
    public const int DefaultDays = 30;

    public const int MaxDays = 366;
}
