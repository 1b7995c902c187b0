using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ApiKeys.RotateApiKey;

public sealed record RotateApiKeyCommand(Guid Id, int? GracePeriodSeconds) : ICommand<ApiKeyCreatedDto>;
