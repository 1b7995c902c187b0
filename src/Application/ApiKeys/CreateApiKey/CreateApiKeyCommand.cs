using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ApiKeys.CreateApiKey;

public sealed record CreateApiKeyCommand(string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt) : ICommand<ApiKeyCreatedDto>;
