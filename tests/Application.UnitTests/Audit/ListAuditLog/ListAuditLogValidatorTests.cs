using FluentValidation.TestHelper;
using QuoinApi.Application.Audit.ListAuditLog;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.UnitTests.Audit.ListAuditLog;

public sealed class ListAuditLogValidatorTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly ListAuditLogValidator _validator = new();

    private static ListAuditLogQuery Query(AuditLogFilter filter) => new(ListRequest.Default, filter);

    private static ListAuditLogQuery Query(ListRequest list) => new(list, new AuditLogFilter());

    [Test]
    public void Defaults_pass() => _validator.TestValidate(new ListAuditLogQuery()).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Every_filter_within_its_limits_passes() =>
        _validator.TestValidate(Query(new AuditLogFilter(new string('a', 100), new string('r', 200), From, From.AddTicks(1)))).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void From_alone_and_to_alone_pass()
    {
        _validator.TestValidate(Query(new AuditLogFilter(From: From))).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(Query(new AuditLogFilter(To: From))).ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-60)]
    public void To_not_after_from_is_reported_as_to(int minutes) =>
        _validator.TestValidate(Query(new AuditLogFilter(From: From, To: From.AddMinutes(minutes))))
            .ShouldHaveValidationErrorFor("to").WithErrorMessage("'to' must be after 'from'.").Only();

    [Test]
    public void To_and_from_compare_as_instants()
    {
        // 11:00+02:00 is 09:00Z: before 09:30Z although its clock time is later.
        var to = new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.FromHours(2));

        _validator.TestValidate(Query(new AuditLogFilter(From: From, To: to))).ShouldHaveValidationErrorFor("to").Only();
    }

    [Test]
    public void An_action_longer_than_100_characters_is_reported_as_action() =>
        _validator.TestValidate(Query(new AuditLogFilter(Action: new string('a', 101)))).ShouldHaveValidationErrorFor("action").Only();

    [Test]
    public void A_resource_id_longer_than_200_characters_is_reported_as_resourceId() =>
        _validator.TestValidate(Query(new AuditLogFilter(ResourceId: new string('r', 201)))).ShouldHaveValidationErrorFor("resourceId").Only();

    [TestCase("occurredAt")]
    [TestCase("-occurredAt")]
    [TestCase("sequence")]
    [TestCase("-sequence")]
    [TestCase("")]
    public void Whitelisted_sort_passes(string sort) =>
        _validator.TestValidate(Query(new ListRequest(Sort: sort))).ShouldNotHaveAnyValidationErrors();

    [TestCase("hash")]
    [TestCase("action")]
    [TestCase("createdAt")]
    [TestCase("occurredAt,-occurredAt")]
    public void Sort_outside_the_whitelist_is_reported_as_sort(string sort) =>
        _validator.TestValidate(Query(new ListRequest(Sort: sort))).ShouldHaveValidationErrorFor("sort").Only();

    [TestCase(0)]
    [TestCase(101)]
    public void Page_size_out_of_bounds_is_reported_as_pageSize(int pageSize) =>
        _validator.TestValidate(Query(new ListRequest(pageSize))).ShouldHaveValidationErrorFor("pageSize").Only();

    [Test]
    public void A_page_token_longer_than_2048_characters_is_reported_as_pageToken() =>
        _validator.TestValidate(Query(new ListRequest(PageToken: new string('a', 2049)))).ShouldHaveValidationErrorFor("pageToken").Only();
}
