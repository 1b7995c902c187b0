using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks.ListWebhooks;

public sealed record ListWebhooksQuery(ListRequest List) : IQuery<ListResult<WebhookDto>>, IListQuery
{
    public ListWebhooksQuery()
        : this(ListRequest.Default)
    {
    }

    public static readonly SortableFields<WebhookSubscription> SortFields = new SortableFields<WebhookSubscription>(w => w.Id, defaultSort: "-createdAt")
        .Add("url", w => w.Url)
        .Add("createdAt", w => w.CreatedAt);
}
