using FluentValidation.TestHelper;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly CreateApiKeyCommand Valid = new("CI", [Scopes.AuditRead], null);
    private readonly CreateApiKeyValidator _validator = new(new FakeTimeProvider(Now));

    [Test]
    public void Valid_command_passes() => _validator.TestValidate(Valid).ShouldNotHaveAnyValidationErrors();

    [TestCase(1)]
    [TestCase(100)]
    public void Name_of_allowed_length_passes(int length) =>
        _validator.TestValidate(Valid with { Name = new string('n', length) }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Name_of_101_characters_fails() =>
        _validator.TestValidate(Valid with { Name = new string('n', 101) }).ShouldHaveValidationErrorFor(c => c.Name);

    [TestCase("")]
    [TestCase("   ")]
    public void Blank_name_fails(string name) =>
        _validator.TestValidate(Valid with { Name = name }).ShouldHaveValidationErrorFor(c => c.Name);

    [Test]
    public void Every_tenant_scope_passes() =>
        _validator.TestValidate(Valid with { Scopes = [.. Scopes.TenantScopes] }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void No_scopes_fail() =>
        _validator.TestValidate(Valid with { Scopes = [] })
            .ShouldHaveValidationErrorFor(c => c.Scopes)
            .WithErrorMessage("'scopes' must name at least one scope.");

    [Test]
    public void Missing_scopes_fail() => _validator.TestValidate(Valid with { Scopes = null! }).ShouldHaveValidationErrorFor(c => c.Scopes);

    [TestCase("audit:admin")]
    [TestCase("AUDIT:READ")]
    [TestCase(" audit:read")]
    [TestCase("")]
    public void Unknown_scope_fails_at_its_index(string scope) =>
        _validator.TestValidate(Valid with { Scopes = [Scopes.AuditRead, scope] }).ShouldHaveValidationErrorFor("Scopes[1]");

    [Test]
    public void Platform_scope_cannot_be_granted_to_a_tenant_key() =>
        _validator.TestValidate(Valid with { Scopes = [Scopes.PlatformAdmin] }).ShouldHaveValidationErrorFor("Scopes[0]");

    [Test]
    public void No_expiry_passes() => _validator.TestValidate(Valid with { ExpiresAt = null }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Expiry_in_the_future_passes() =>
        _validator.TestValidate(Valid with { ExpiresAt = Now.AddSeconds(1) }).ShouldNotHaveAnyValidationErrors();

    [TestCase(0)]
    [TestCase(-60)]
    public void Expiry_now_or_in_the_past_fails(int secondsFromNow) =>
        _validator.TestValidate(Valid with { ExpiresAt = Now.AddSeconds(secondsFromNow) })
            .ShouldHaveValidationErrorFor(c => c.ExpiresAt)
            .WithErrorMessage("'expiresAt' must be in the future.");
}
