using FluentValidation.TestHelper;
using QuoinApi.Application.Tenants.ListTenants;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.UnitTests.Tenants.ListTenants;

public sealed class ListTenantsValidatorTests
{
    private readonly ListTenantsValidator _validator = new();

    private static ListTenantsQuery Query(int pageSize = Paging.DefaultPageSize, string? pageToken = null, string? sort = null) =>
        new(new ListRequest(pageSize, pageToken, sort));

    [Test]
    public void Defaults_pass() => _validator.TestValidate(new ListTenantsQuery()).ShouldNotHaveAnyValidationErrors();

    [TestCase(1)]
    [TestCase(100)]
    public void Page_size_within_bounds_passes(int pageSize) =>
        _validator.TestValidate(Query(pageSize)).ShouldNotHaveAnyValidationErrors();

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void Page_size_out_of_bounds_is_reported_as_pageSize(int pageSize) =>
        _validator.TestValidate(Query(pageSize)).ShouldHaveValidationErrorFor("pageSize").Only();

    [TestCase("name")]
    [TestCase("-name")]
    [TestCase("createdAt")]
    [TestCase("-createdAt")]
    [TestCase("name,-createdAt")]
    [TestCase(" -createdAt , name ")]
    [TestCase("")]
    [TestCase("   ")]
    public void Whitelisted_sort_passes(string sort) =>
        _validator.TestValidate(Query(sort: sort)).ShouldNotHaveAnyValidationErrors();

    [TestCase("id")]
    [TestCase("price")]
    [TestCase("Name")]
    [TestCase("+name")]
    [TestCase("--name")]
    [TestCase("name,")]
    [TestCase(",name")]
    [TestCase("name,-name")]
    [TestCase("name;createdAt")]
    public void Sort_outside_the_whitelist_is_reported_as_sort(string sort) =>
        _validator.TestValidate(Query(sort: sort)).ShouldHaveValidationErrorFor("sort").Only();

    [Test]
    public void Page_token_of_2048_characters_passes() =>
        _validator.TestValidate(Query(pageToken: new string('a', 2048))).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Page_token_longer_than_2048_characters_is_reported_as_pageToken() =>
        _validator.TestValidate(Query(pageToken: new string('a', 2049))).ShouldHaveValidationErrorFor("pageToken").Only();
}
