using FluentValidation;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>Rules every free-text member shares.</summary>
public static class TextRules
{
    /// <summary>PostgreSQL cannot store U+0000 in text; refuse it as bad input instead of failing at the database.</summary>
    public static IRuleBuilderOptions<T, TText> WithoutNul<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : class? =>
        rule.Must(text => text is not string value || !value.Contains('\0', StringComparison.Ordinal))
            .WithMessage("'{PropertyName}' may not contain the NUL character (U+0000).");
}
