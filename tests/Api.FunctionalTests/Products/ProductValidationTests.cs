using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Products;

/// <summary>
/// The product rules (docs/http-contract.md#products): each rule is a 400 with <c>errors.&lt;member&gt;</c>, and its
/// boundary is accepted. In v2; v1, which spells the price and the currency differently, for those two.
/// </summary>
public sealed class ProductValidationTests : FunctionalTestBase
{
    private static readonly string Tag32 = new('t', 32);

    public static IEnumerable<TestCaseData> InvalidMembers()
    {
        static TestCaseData Case(string member, object? value, string errorKey, string name) =>
            new TestCaseData(member, value, errorKey).SetName($"{{m}}_with_{name}_returns_400");

        yield return Case("sku", "", "sku", "empty_sku");
        yield return Case("sku", null, "sku", "null_sku");
        yield return Case("sku", "sku-1", "sku", "lower_case_sku");
        yield return Case("sku", "SKU 1", "sku", "sku_with_a_space");
        yield return Case("sku", "SKU.1", "sku", "sku_with_a_dot");
        yield return Case("sku", "SKÜ", "sku", "sku_with_a_non_ascii_letter");
        yield return Case("sku", new string('A', 65), "sku", "sku_of_65_characters");
        yield return Case("name", "", "name", "empty_name");
        yield return Case("name", "   ", "name", "blank_name");
        yield return Case("name", null, "name", "null_name");
        yield return Case("name", new string('n', 201), "name", "name_of_201_characters");
        yield return Case("description", new string('d', 2001), "description", "description_of_2001_characters");
        yield return Case("price", TestApi.Money(-1, "EUR"), "price.amountMinor", "negative_amount");
        yield return Case("price", TestApi.Money(100_000_000_001, "EUR"), "price.amountMinor", "amount_over_one_billion");
        yield return Case("price", TestApi.Money(null, "EUR"), "price.amountMinor", "null_amount");
        yield return Case("price", TestApi.Money(1250, "eur"), "price.currency", "lower_case_currency");
        yield return Case("price", TestApi.Money(1250, "EURO"), "price.currency", "four_letter_currency");
        yield return Case("price", TestApi.Money(1250, "ABC"), "price.currency", "unknown_currency");
        yield return Case("price", TestApi.Money(1250, ""), "price.currency", "empty_currency");
        yield return Case("price", TestApi.Money(1250, null), "price.currency", "null_currency");
        yield return Case("tags", Enumerable.Range(0, 21).Select(i => $"t{i}").ToArray(), "tags", "21_tags");
        yield return Case("tags", new[] { "ok", "" }, "tags[1]", "an_empty_tag");
        yield return Case("tags", new[] { "ok", Tag32 + "x" }, "tags[1]", "a_tag_of_33_characters");
    }

    /// <summary>v1: the decimal price and the top-level currency.</summary>
    public static IEnumerable<TestCaseData> InvalidV1Members()
    {
        static TestCaseData Case(string member, object? value, string name) =>
            new TestCaseData(member, value, member).SetName($"{{m}}_with_{name}_returns_400");

        yield return Case("price", -0.01m, "negative_price");
        yield return Case("price", 1_000_000_000.01m, "price_over_one_billion");
        yield return Case("price", 12.345m, "price_with_3_decimals");
        yield return Case("price", 0.001m, "price_of_a_tenth_of_a_cent");
        yield return Case("price", null, "null_price");
        yield return Case("currency", "eur", "lower_case_currency");
        yield return Case("currency", "EURO", "four_letter_currency");
        yield return Case("currency", "ABC", "unknown_currency");
        yield return Case("currency", "", "empty_currency");
        yield return Case("currency", null, "null_currency");
    }

    public static IEnumerable<TestCaseData> MissingMembers() =>
        new[] { "sku", "name", "price" }.Select(member => new TestCaseData(member).SetName($"Create_without_{member}_returns_400"));

    public static IEnumerable<TestCaseData> MissingV1Members() =>
        new[] { "price", "currency" }.Select(member => new TestCaseData(member).SetName($"V1_create_without_{member}_returns_400"));

    [TestCaseSource(nameof(InvalidMembers))]
    public Task Create_with_an_invalid_member_returns_400_naming_it(string member, object? value, string errorKey) =>
        AssertCreateRefusedAsync(TestApi.Products, TestApi.ProductBody().With(member, value), errorKey);

    [TestCaseSource(nameof(InvalidV1Members))]
    public Task V1_create_with_an_invalid_price_or_currency_returns_400_naming_it(string member, object? value, string errorKey) =>
        AssertCreateRefusedAsync(TestApi.ProductsV1, TestApi.ProductBodyV1().With(member, value), errorKey);

    private static async Task AssertCreateRefusedAsync(string url, Dictionary<string, object?> body, string errorKey)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(url, body);

        var errors = await response.AssertValidationProblemAsync(errorKey);
        Assert.That(errors.MemberNames(), Is.EqualTo(new[] { errorKey }), "only the invalid member is reported");
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products"), Is.Zero);
    }

    [TestCaseSource(nameof(MissingMembers))]
    public async Task Create_without_a_required_member_returns_400_naming_it(string member)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody().Without(member));

        await response.AssertValidationProblemAsync(member == "price" ? "price.amountMinor" : member);
    }

    [TestCaseSource(nameof(MissingV1Members))]
    public async Task V1_create_without_a_required_member_returns_400_naming_it(string member)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ProductsV1, TestApi.ProductBodyV1().Without(member));

        await response.AssertValidationProblemAsync(member);
    }

    [TestCaseSource(nameof(InvalidMembers))]
    public Task Replace_with_an_invalid_member_returns_400_and_keeps_the_product(string member, object? value, string errorKey) =>
        AssertReplaceRefusedAsync(TestApi.Products, TestApi.ProductBody().With(member, value), errorKey);

    [TestCaseSource(nameof(InvalidV1Members))]
    public Task V1_replace_with_an_invalid_price_or_currency_returns_400_and_keeps_the_product(string member, object? value, string errorKey) =>
        AssertReplaceRefusedAsync(TestApi.ProductsV1, TestApi.ProductBodyV1().With(member, value), errorKey);

    private static async Task AssertReplaceRefusedAsync(string url, Dictionary<string, object?> body, string errorKey)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostAsJsonAsync(url, url == TestApi.ProductsV1 ? TestApi.ProductBodyV1() : TestApi.ProductBody());
        var product = await created.AssertJsonAsync(HttpStatusCode.Created);

        var response = await tenant.Http.PutAsJsonAsync($"{url}/{product.Id()}", body);

        await response.AssertValidationProblemAsync(errorKey);
        var unchanged = await (await tenant.Http.GetAsync($"{url}/{product.Id()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(unchanged.GetRawText(), Is.EqualTo(product.GetRawText()));
    }

    [Test]
    public async Task Create_reports_every_failure_in_one_response()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = new { sku = "bad sku", name = "", description = new string('d', 2001), price = new { amountMinor = -1, currency = "XX" }, tags = new[] { "" } };

        var response = await tenant.Http.PostAsJsonAsync(TestApi.Products, body);

        var errors = await response.AssertValidationProblemAsync("sku", "name", "description", "price.amountMinor", "price.currency", "tags[0]");
        Assert.That(errors.MemberNames(), Has.Count.EqualTo(6));
    }

    [Test]
    public async Task V1_create_reports_every_failure_in_one_response()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = new { sku = "bad sku", name = "", description = new string('d', 2001), price = 12.345m, currency = "XX", tags = new[] { "" } };

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ProductsV1, body);

        var errors = await response.AssertValidationProblemAsync("sku", "name", "description", "price", "currency", "tags[0]");
        Assert.That(errors.MemberNames(), Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Create_accepts_every_maximum()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = new
        {
            sku = new string('Z', 60) + "-_09",
            name = new string('n', 200),
            description = new string('d', 2000),
            price = new { amountMinor = 100_000_000_000L, currency = "USD" },
            tags = Enumerable.Range(0, 20).Select(i => $"{i:D2}" + new string('t', 30)).ToArray(),
        };

        var created = await (await tenant.Http.PostAsJsonAsync(TestApi.Products, body)).AssertJsonAsync(HttpStatusCode.Created);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.String("sku"), Has.Length.EqualTo(64));
            Assert.That(created.String("name"), Has.Length.EqualTo(200));
            Assert.That(created.String("description"), Has.Length.EqualTo(2000));
            Assert.That(created.GetProperty("price").GetProperty("amountMinor").GetInt64(), Is.EqualTo(100_000_000_000L));
            Assert.That(created.Strings("tags"), Has.Count.EqualTo(20).And.All.Length.EqualTo(32));
        }

        var fetched = await (await tenant.Http.GetAsync($"{TestApi.Products}/{created.Id()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(fetched.GetProperty("price").GetProperty("amountMinor").GetInt64(), Is.EqualTo(100_000_000_000L));
    }

    [Test]
    public async Task Create_accepts_every_minimum()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = new { sku = "A", name = "n", price = new { amountMinor = 0, currency = "JPY" }, tags = Array.Empty<string>() };

        var created = await (await tenant.Http.PostAsJsonAsync(TestApi.Products, body)).AssertJsonAsync(HttpStatusCode.Created);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.String("sku"), Is.EqualTo("A"));
            Assert.That(created.GetProperty("price").GetProperty("amountMinor").GetInt64(), Is.Zero);
            Assert.That(created.Strings("tags"), Is.Empty);
            Assert.That(created.TryGetProperty("description", out var description) && description.GetString() is not null, Is.False);
        }
    }

    [TestCase(12.5)]
    [TestCase(12.50)]
    [TestCase(0.99)]
    [TestCase(999_999_999.99)]
    [TestCase(1_000_000_000)]
    public async Task V1_create_accepts_prices_with_up_to_two_decimals(decimal price)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var created = await (await tenant.Http.PostAsJsonAsync(TestApi.ProductsV1, TestApi.ProductBodyV1().With("price", price)))
            .AssertJsonAsync(HttpStatusCode.Created);

        var fetched = await (await tenant.Http.GetAsync($"{TestApi.ProductsV1}/{created.Id()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(fetched.GetProperty("price").GetDecimal(), Is.EqualTo(price));
    }

    [Test]
    public async Task Create_without_tags_stores_an_empty_list()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var created = await (await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody().Without("tags").Without("description")))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.That(created.Strings("tags"), Is.Empty);
    }
}
