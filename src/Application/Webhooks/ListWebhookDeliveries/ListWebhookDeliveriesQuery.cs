using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks.ListWebhookDeliveries;

public sealed record ListWebhookDeliveriesQuery(Guid WebhookId, ListRequest List) : IQuery<ListResult<WebhookDeliveryDto>>, IListQuery
{
    public static readonly SortableFields<WebhookDelivery> SortFields = new SortableFields<WebhookDelivery>(d => d.Id, defaultSort: "-createdAt")
        .Add("createdAt", d => d.CreatedAt);
}
