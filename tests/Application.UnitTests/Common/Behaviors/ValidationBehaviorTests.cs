using FluentValidation;
using MediatR;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Common.Behaviors;

public sealed class ValidationBehaviorTests
{
    private static readonly CreateProductCommand ValidCommand = new("SKU-1", "Widget", null, 1m, "EUR", ["tools"]);
    private static readonly ProductDto HandlerResult =
        new(Guid.CreateVersion7(), "SKU-1", "Widget", null, 1m, "EUR", ["tools"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    private int _nextCalls;

    [SetUp]
    public void SetUp() => _nextCalls = 0;

    private Task<Result<ProductDto>> Next()
    {
        _nextCalls++;
        return Task.FromResult<Result<ProductDto>>(HandlerResult);
    }

    private Task<Result<ProductDto>> Run(CreateProductCommand command, params IValidator<CreateProductCommand>[] validators) =>
        new ValidationBehavior<CreateProductCommand, Result<ProductDto>>(validators).Handle(command, CancellationToken.None, Next);

    private static InlineValidator<CreateProductCommand> AlwaysFailing(string message)
    {
        var validator = new InlineValidator<CreateProductCommand>();
        validator.RuleFor(c => c.Sku).Must(_ => false).WithMessage(message);
        validator.RuleFor(c => c.Name).Must(_ => false).WithMessage("Name is blocked.");
        return validator;
    }

    [Test]
    public async Task Failures_of_every_validator_become_one_validation_error_keyed_by_camel_case_path()
    {
        var command = ValidCommand with { Sku = "bad sku", Tags = ["", "ok"] };

        var result = await Run(command, new CreateProductValidator(), AlwaysFailing("Sku is reserved."));

        var error = ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ValidationErrors!.Keys, Is.EquivalentTo(new[] { "sku", "name", "tags[0]" }));
            Assert.That(error.ValidationErrors["sku"], Is.EquivalentTo(new[] { "'sku' may contain only A-Z, 0-9, '-' and '_'.", "Sku is reserved." }));
            Assert.That(error.ValidationErrors["name"], Is.EqualTo(new[] { "Name is blocked." }));
            Assert.That(error.ValidationErrors["tags[0]"], Has.Length.EqualTo(1));
            Assert.That(_nextCalls, Is.Zero, "the handler must not see an invalid request");
        }
    }

    [Test]
    public async Task The_same_message_for_the_same_member_is_reported_once()
    {
        var result = await Run(ValidCommand, AlwaysFailing("Sku is reserved."), AlwaysFailing("Sku is reserved."));

        Assert.That(ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed").ValidationErrors!["sku"], Is.EqualTo(new[] { "Sku is reserved." }));
    }

    [Test]
    public async Task Valid_request_reaches_the_handler_and_its_result_is_returned()
    {
        var result = await Run(ValidCommand, new CreateProductValidator(), new InlineValidator<CreateProductCommand>());

        Assert.That(_nextCalls, Is.EqualTo(1));
        Assert.That(result.Value, Is.SameAs(HandlerResult));
    }

    [Test]
    public async Task Request_without_validators_reaches_the_handler()
    {
        var result = await Run(ValidCommand with { Sku = "would be invalid" });

        Assert.That(_nextCalls, Is.EqualTo(1));
        ResultAssert.Succeeded(result);
    }

    [TestCase("Sku", "sku")]
    [TestCase("Tags[0]", "tags[0]")]
    [TestCase("Price.AmountMinor", "price.amountMinor")]
    [TestCase("", "")]
    public void Member_paths_are_camel_cased_segment_by_segment(string path, string expected) =>
        Assert.That(ValidationErrors.From([new FluentValidation.Results.ValidationFailure(path, "bad")]).ValidationErrors!.Keys, Is.EqualTo(new[] { expected }));
}
