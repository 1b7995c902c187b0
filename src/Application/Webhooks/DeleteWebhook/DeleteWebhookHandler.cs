using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.DeleteWebhook;

/// <summary>Deletes the subscription (soft): nothing more is delivered to it, pending deliveries included.</summary>
public sealed class DeleteWebhookHandler(IWebhookRepository webhooks, TimeProvider clock)
    : ICommandHandler<DeleteWebhookCommand, Success>
{
    public async Task<Result<Success>> Handle(DeleteWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.GetAsync(request.Id, cancellationToken);
        if (subscription is null)
        {
            return Error.NotFound("webhook");
        }

        subscription.Delete(clock.GetUtcNow());
        return Success.Value;
    }
}
