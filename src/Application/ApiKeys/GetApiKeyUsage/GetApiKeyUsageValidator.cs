using FluentValidation;

namespace QuoinApi.Application.ApiKeys.GetApiKeyUsage;

public sealed class GetApiKeyUsageValidator : AbstractValidator<GetApiKeyUsageQuery>
{
    public GetApiKeyUsageValidator()
    {
        RuleFor(q => q.To)
            .Must((query, to) => query.From!.Value <= to!.Value)
            .When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q.To)
            .Must((query, to) => to!.Value.DayNumber - query.From!.Value.DayNumber < GetApiKeyUsageQuery.MaxDays)
            .When(q => q.From is not null && q.To is not null && q.From <= q.To)
            .WithMessage($"At most {GetApiKeyUsageQuery.MaxDays} days can be asked for at once.");
    }
}
