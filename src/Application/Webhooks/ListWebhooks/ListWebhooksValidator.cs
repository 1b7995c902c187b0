using FluentValidation;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.Webhooks.ListWebhooks;

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator() => this.ValidListRequest(ListWebhooksQuery.SortFields);
}
