using FluentValidation;
using FluentValidation.TestHelper;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.UnitTests.Support;

/// <summary>
/// The list-request rules shared by every list whose whitelist is <c>name</c> and <c>createdAt</c> (API keys, tenants):
/// one set of cases, run once per list by a small derived fixture.
/// </summary>
public abstract class NameAndCreatedAtListValidatorTests<TQuery>
{
    protected abstract IValidator<TQuery> Validator { get; }

    protected abstract TQuery Query(ListRequest list);

    private TQuery Query(int pageSize = Paging.DefaultPageSize, string? pageToken = null, string? sort = null) =>
        Query(new ListRequest(pageSize, pageToken, sort));

    [Test]
    public void Defaults_pass() => Validator.TestValidate(Query(ListRequest.Default)).ShouldNotHaveAnyValidationErrors();

    [TestCase(1)]
    [TestCase(100)]
    public void Page_size_within_bounds_passes(int pageSize) =>
        Validator.TestValidate(Query(pageSize)).ShouldNotHaveAnyValidationErrors();

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void Page_size_out_of_bounds_is_reported_as_pageSize(int pageSize) =>
        Validator.TestValidate(Query(pageSize)).ShouldHaveValidationErrorFor("pageSize").Only();

    [TestCase("name")]
    [TestCase("-name")]
    [TestCase("createdAt")]
    [TestCase("-createdAt")]
    [TestCase("name,-createdAt")]
    [TestCase(" -createdAt , name ")]
    [TestCase("")]
    [TestCase("   ")]
    public void Whitelisted_sort_passes(string sort) =>
        Validator.TestValidate(Query(sort: sort)).ShouldNotHaveAnyValidationErrors();

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
        Validator.TestValidate(Query(sort: sort)).ShouldHaveValidationErrorFor("sort").Only();

    [Test]
    public void Page_token_of_2048_characters_passes() =>
        Validator.TestValidate(Query(pageToken: new string('a', 2048))).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Page_token_longer_than_2048_characters_is_reported_as_pageToken() =>
        Validator.TestValidate(Query(pageToken: new string('a', 2049))).ShouldHaveValidationErrorFor("pageToken").Only();
}
