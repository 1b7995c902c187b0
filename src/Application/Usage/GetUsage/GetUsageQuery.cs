using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Usage.GetUsage;

/// <summary>The caller's tenant's use of the current month against its quota.</summary>
public sealed record GetUsageQuery : IQuery<UsageDto>;
