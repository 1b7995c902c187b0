using FluentValidation;
using MediatR;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>
/// Runs every validator of the request and returns all failures as one <see cref="ErrorKind.Validation"/> error,
/// keyed by camelCase member path, before the handler sees the request.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult<TResponse>
{
    private readonly IValidator<TRequest>[] _validators = [.. validators];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (_validators.Length == 0)
        {
            return await next();
        }

        var context = new ValidationContext<TRequest>(request);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next();
        }

        return TResponse.Failure(ValidationErrors.From(failures));
    }

    internal static string ToCamelCasePath(string propertyPath) => ValidationErrors.ToCamelCasePath(propertyPath);
}

/// <summary>FluentValidation failures as the one <see cref="ErrorKind.Validation"/> error the API reports.</summary>
public static class ValidationErrors
{
    /// <summary>All failures, grouped by camelCase member path, each message once.</summary>
    public static Error From(IEnumerable<FluentValidation.Results.ValidationFailure> failures) =>
        Error.Validation(failures
            .GroupBy(f => ToCamelCasePath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));

    /// <summary>"Tags[0]" → "tags[0]", "Price.AmountMinor" → "price.amountMinor".</summary>
    public static string ToCamelCasePath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
