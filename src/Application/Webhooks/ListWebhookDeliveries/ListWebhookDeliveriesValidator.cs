using FluentValidation;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator() => this.ValidListRequest(ListWebhookDeliveriesQuery.SortFields);
}
