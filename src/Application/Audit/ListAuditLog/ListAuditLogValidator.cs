using FluentValidation;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.Audit.ListAuditLog;

public sealed class ListAuditLogValidator : AbstractValidator<ListAuditLogQuery>
{
    public const int ActionMaxLength = 100;
    public const int ResourceIdMaxLength = 200;

    public ListAuditLogValidator()
    {
        this.ValidListRequest(ListAuditLogQuery.SortFields);
        RuleFor(q => q.Filter.Action).MaximumLength(ActionMaxLength).OverridePropertyName("action");
        RuleFor(q => q.Filter.ResourceId).MaximumLength(ResourceIdMaxLength).OverridePropertyName("resourceId");
        RuleFor(q => q.Filter.To)
            .GreaterThan(q => q.Filter.From).When(q => q.Filter.From is not null && q.Filter.To is not null)
            .OverridePropertyName("to").WithMessage("'to' must be after 'from'.");
    }
}
