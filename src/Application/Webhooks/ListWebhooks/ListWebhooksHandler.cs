using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.ListWebhooks;

public sealed class ListWebhooksHandler(IReadDbContext db, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListWebhooksQuery, ListResult<WebhookDto>>
{
    public Task<Result<ListResult<WebhookDto>>> Handle(ListWebhooksQuery request, CancellationToken cancellationToken) =>
        pager.PageAsync(db.WebhookSubscriptions, ListWebhooksQuery.SortFields, request.List, PageBinding.Of("webhooks", principal.TenantId),
            query => query.ProjectToDto<WebhookDto>(mappings), cancellationToken);
}
