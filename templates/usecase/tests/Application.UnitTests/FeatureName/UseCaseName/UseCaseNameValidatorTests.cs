using QuoinApi.Application.FeatureName.UseCaseName;

namespace QuoinApi.Application.UnitTests.FeatureName.UseCaseName;

public sealed class UseCaseNameValidatorTests
{
    private readonly UseCaseNameValidator _validator = new();

    [Test]
    public void An_id_is_required()
    {
#if (isCommand)
        var result = _validator.Validate(new UseCaseNameCommand(Guid.Empty));
#else
        var result = _validator.Validate(new UseCaseNameQuery(Guid.Empty));
#endif

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EquivalentTo(new[] { "Id" }));
    }

    [Test]
    public void A_request_with_an_id_is_valid()
    {
#if (isCommand)
        Assert.That(_validator.Validate(new UseCaseNameCommand(Guid.NewGuid())).IsValid, Is.True);
#else
        Assert.That(_validator.Validate(new UseCaseNameQuery(Guid.NewGuid())).IsValid, Is.True);
#endif
    }
}
