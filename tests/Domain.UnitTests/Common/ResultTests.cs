using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.UnitTests.Common;

public sealed class ResultTests
{
    [Test]
    public void NotFound_names_the_resource_in_its_code()
    {
        var error = Error.NotFound("tenant");

        Assert.That(error.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(error.Code, Is.EqualTo("tenant.not_found"));
    }

    [Test]
    public void Validation_error_for_one_member_holds_its_message()
    {
        var error = Error.Validation("sku", "bad");

        Assert.That(error.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(error.Code, Is.EqualTo("validation_failed"));
        Assert.That(error.ValidationErrors!["sku"], Is.EqualTo(new[] { "bad" }));
    }

    [Test]
    public void Success_carries_its_value()
    {
        Result<int> result = 42;

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Error, Is.Null);
        Assert.That(result.Value, Is.EqualTo(42));
        Assert.That(result.BoxedValue, Is.EqualTo(42));
    }

    [Test]
    public void Failure_carries_its_error_and_no_value()
    {
        Result<int> result = Error.Conflict("x.conflict", "Conflict.");

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Error!.Code, Is.EqualTo("x.conflict"));
        Assert.That(() => result.Value, Throws.InvalidOperationException);
        Assert.That(result.BoxedValue, Is.Null);
    }
}
