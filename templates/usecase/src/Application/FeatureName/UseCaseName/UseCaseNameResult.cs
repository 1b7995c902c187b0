namespace QuoinApi.Application.FeatureName.UseCaseName;

/// <summary>What UseCaseNameQuery returns: add the members the caller needs, projected in the query.</summary>
public sealed record UseCaseNameResult(Guid Id);
