using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.FeatureName.UseCaseName;

public sealed record UseCaseNameQuery(Guid Id) : IQuery<UseCaseNameResult>;
