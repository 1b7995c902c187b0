using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.ListWebhookDeliveries;

/// <summary>A subscription's deliveries, newest first (404 for another tenant's or a deleted subscription).</summary>
public sealed class ListWebhookDeliveriesHandler(IReadDbContext db, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListWebhookDeliveriesQuery, ListResult<WebhookDeliveryDto>>
{
    public async Task<Result<ListResult<WebhookDeliveryDto>>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(w => w.Id == request.WebhookId, cancellationToken))
        {
            return Error.NotFound("webhook");
        }

        return await pager.PageAsync(db.WebhookDeliveries.Where(d => d.SubscriptionId == request.WebhookId), ListWebhookDeliveriesQuery.SortFields,
            request.List, PageBinding.Of("webhook-deliveries", principal.TenantId, request.WebhookId),
            query => query.ProjectToDto<WebhookDeliveryDto>(mappings), cancellationToken);
    }
}
