using FluentValidation.Results;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>FluentValidation failures as the one <see cref="ErrorKind.Validation"/> error the API reports.</summary>
public static class ValidationErrors
{
    /// <summary>All failures, grouped by camelCase member path, each message once.</summary>
    public static Error From(IEnumerable<ValidationFailure> failures) =>
        Error.Validation(failures
            .GroupBy(f => ToCamelCasePath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));

    /// <summary>"Tags[0]" → "tags[0]", "Price.AmountMinor" → "price.amountMinor".</summary>
    private static string ToCamelCasePath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
