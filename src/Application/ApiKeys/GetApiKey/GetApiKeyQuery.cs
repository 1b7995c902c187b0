using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ApiKeys.GetApiKey;

public sealed record GetApiKeyQuery(Guid Id) : IQuery<ApiKeyDto>;
