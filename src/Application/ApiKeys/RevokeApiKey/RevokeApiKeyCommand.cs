using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.RevokeApiKey;

public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Success>;
