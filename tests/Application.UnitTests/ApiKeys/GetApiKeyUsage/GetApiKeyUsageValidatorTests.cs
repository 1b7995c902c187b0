using FluentValidation.TestHelper;
using QuoinApi.Application.ApiKeys.GetApiKeyUsage;

namespace QuoinApi.Application.UnitTests.ApiKeys.GetApiKeyUsage;

public sealed class GetApiKeyUsageValidatorTests
{
    private readonly GetApiKeyUsageValidator _validator = new();
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Test]
    public void No_range_or_an_ordered_range_of_at_most_366_days_is_valid()
    {
        _validator.TestValidate(new GetApiKeyUsageQuery(Guid.NewGuid(), null, null)).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(new GetApiKeyUsageQuery(Guid.NewGuid(), Day, Day)).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(new GetApiKeyUsageQuery(Guid.NewGuid(), Day, Day.AddDays(365))).ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void To_before_from_is_refused() =>
        _validator.TestValidate(new GetApiKeyUsageQuery(Guid.NewGuid(), Day, Day.AddDays(-1))).ShouldHaveValidationErrorFor(q => q.To);

    [Test]
    public void More_than_366_days_is_refused() =>
        _validator.TestValidate(new GetApiKeyUsageQuery(Guid.NewGuid(), Day, Day.AddDays(366))).ShouldHaveValidationErrorFor(q => q.To);
}
