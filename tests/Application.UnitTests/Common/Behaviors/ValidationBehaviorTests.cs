using FluentValidation;
using MediatR;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Common.Behaviors;

/// <summary>The behaviour, on a command of the core (creating an API key) that every generated solution has.</summary>
public sealed class ValidationBehaviorTests
{
    private static readonly CreateApiKeyCommand ValidCommand = new("CI", [Scopes.AuditRead], null);
    private static readonly ApiKeyCreatedDto HandlerResult =
        new(Guid.CreateVersion7(), "CI", "qk_live_secret", "qk_live_ab", [Scopes.AuditRead], DateTimeOffset.UnixEpoch, null);

    private int _nextCalls;

    [SetUp]
    public void SetUp() => _nextCalls = 0;

    private Task<Result<ApiKeyCreatedDto>> Next()
    {
        _nextCalls++;
        return Task.FromResult<Result<ApiKeyCreatedDto>>(HandlerResult);
    }

    private Task<Result<ApiKeyCreatedDto>> Run(CreateApiKeyCommand command, params IValidator<CreateApiKeyCommand>[] validators) =>
        new ValidationBehavior<CreateApiKeyCommand, Result<ApiKeyCreatedDto>>(validators).Handle(command, CancellationToken.None, Next);

    private static InlineValidator<CreateApiKeyCommand> AlwaysFailing(string message)
    {
        var validator = new InlineValidator<CreateApiKeyCommand>();
        validator.RuleFor(c => c.Name).Must(_ => false).WithMessage(message);
        validator.RuleFor(c => c.ExpiresAt).Must(_ => false).WithMessage("Expiry is blocked.");
        return validator;
    }

    [Test]
    public async Task Failures_of_every_validator_become_one_validation_error_keyed_by_camel_case_path()
    {
        var command = ValidCommand with { Name = " ", Scopes = ["unknown:scope", Scopes.AuditRead] };

        var result = await Run(command, new CreateApiKeyValidator(TimeProvider.System), AlwaysFailing("Name is reserved."));

        var error = ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ValidationErrors!.Keys, Is.EquivalentTo(new[] { "name", "expiresAt", "scopes[0]" }));
            Assert.That(error.ValidationErrors["name"], Has.Length.EqualTo(2).And.Contain("Name is reserved."), "the validator's own message and the other's");
            Assert.That(error.ValidationErrors["expiresAt"], Is.EqualTo(new[] { "Expiry is blocked." }));
            Assert.That(error.ValidationErrors["scopes[0]"], Has.Length.EqualTo(1));
            Assert.That(_nextCalls, Is.Zero, "the handler must not see an invalid request");
        }
    }

    [Test]
    public async Task The_same_message_for_the_same_member_is_reported_once()
    {
        var result = await Run(ValidCommand, AlwaysFailing("Name is reserved."), AlwaysFailing("Name is reserved."));

        Assert.That(ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed").ValidationErrors!["name"], Is.EqualTo(new[] { "Name is reserved." }));
    }

    [Test]
    public async Task Valid_request_reaches_the_handler_and_its_result_is_returned()
    {
        var result = await Run(ValidCommand, new CreateApiKeyValidator(TimeProvider.System), new InlineValidator<CreateApiKeyCommand>());

        Assert.That(_nextCalls, Is.EqualTo(1));
        Assert.That(result.Value, Is.SameAs(HandlerResult));
    }

    [Test]
    public async Task Request_without_validators_reaches_the_handler()
    {
        var result = await Run(ValidCommand with { Name = " " });

        Assert.That(_nextCalls, Is.EqualTo(1));
        ResultAssert.Succeeded(result);
    }

    [TestCase("Name", "name")]
    [TestCase("Scopes[0]", "scopes[0]")]
    [TestCase("Credentials.ApiKey", "credentials.apiKey")]
    [TestCase("", "")]
    public void Member_paths_are_camel_cased_segment_by_segment(string path, string expected) =>
        Assert.That(ValidationErrors.From([new FluentValidation.Results.ValidationFailure(path, "bad")]).ValidationErrors!.Keys, Is.EqualTo(new[] { expected }));
}
