using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.GetWebhook;

public sealed class GetWebhookHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<GetWebhookQuery, WebhookDto>
{
    public async Task<Result<WebhookDto>> Handle(GetWebhookQuery request, CancellationToken cancellationToken)
    {
        var webhook = await db.WebhookSubscriptions
            .Where(w => w.Id == request.Id)
            .ProjectToDto<WebhookDto>(mappings)
            .FirstOrDefaultAsync(cancellationToken);
        return webhook is null ? Error.NotFound("webhook") : webhook;
    }
}
