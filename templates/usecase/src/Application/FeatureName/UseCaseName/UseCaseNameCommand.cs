using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.FeatureName.UseCaseName;

public sealed record UseCaseNameCommand(Guid Id) : ICommand<Success>;
