using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QuoinApi.Api.Contracts.V1;
using QuoinApi.Api.Http;
using QuoinApi.Application.Webhooks;
using QuoinApi.Application.Webhooks.CreateWebhook;
using QuoinApi.Application.Webhooks.DeleteWebhook;
using QuoinApi.Application.Webhooks.GetWebhook;
using QuoinApi.Application.Webhooks.ListWebhookDeliveries;
using QuoinApi.Application.Webhooks.ListWebhooks;
using QuoinApi.Application.Webhooks.PingWebhook;
using QuoinApi.Application.Webhooks.ReplayWebhookDelivery;
using QuoinApi.Application.Webhooks.RotateWebhookSecret;
using QuoinApi.Application.Webhooks.UpdateWebhook;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Webhooks;

/// <summary>
/// The calling tenant's webhook subscriptions and their deliveries. Secrets are returned once, at creation or
/// rotation. Same in v1 and v2.
/// </summary>
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/webhooks")]
[Authorize(Policy = Scopes.WebhooksManage)]
public sealed class WebhooksController : ApiControllerBase
{
    /// <summary>Subscribes a receiver; the response carries the signing secret (<c>whsec_...</c>), shown only here.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<WebhookCreatedDto>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(CreateWebhookRequest request, CancellationToken cancellationToken) =>
        SendAsync(new CreateWebhookCommand(request.Url ?? string.Empty, request.Events ?? [], request.Description),
            created => CreatedAt(nameof(Get), created.Id, created), cancellationToken);

    [HttpGet]
    [ProducesResponseType<Application.Common.Paging.ListResult<WebhookDto>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ListQueryParameters list, CancellationToken cancellationToken) =>
        SendListAsync(new ListWebhooksQuery(list.ToListRequest()), list, webhook => webhook, cancellationToken);

    [HttpGet("{id:guid}")]
    [ProducesResponseType<WebhookDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetWebhookQuery(id), Ok, cancellationToken);

    /// <summary>Changes url, events, description, or enables/disables the subscription (merge patch: absent members stay).</summary>
    [HttpPatch("{id:guid}")]
    [Consumes(MergePatchReader.MediaType)]
    [ProducesResponseType<WebhookDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update(Guid id, UpdateWebhookRequest request, CancellationToken cancellationToken) =>
        SendAsync(new UpdateWebhookCommand(id, request.Url, request.Events, request.Enabled, request.Description), Ok, cancellationToken);

    /// <summary>Deletes the subscription; nothing more is delivered to it.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteWebhookCommand(id), cancellationToken);

    /// <summary>A new secret, shown once; the old one keeps signing (beside it) until the grace period ends.</summary>
    [HttpPost("{id:guid}/rotate-secret")]
    [Consumes("application/json")]
    [ProducesResponseType<WebhookSecretDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> RotateSecret(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateWebhookSecretRequest? request, CancellationToken cancellationToken) =>
        SendAsync(new RotateWebhookSecretCommand(id, request?.GracePeriodSeconds), Ok, cancellationToken);

    /// <summary>Sends a <c>webhook.ping</c> event to this subscription (asynchronously: see its deliveries).</summary>
    [HttpPost("{id:guid}/ping")]
    [ProducesResponseType<WebhookPingDto>(StatusCodes.Status202Accepted)]
    public Task<IActionResult> Ping(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new PingWebhookCommand(id), ping => Accepted(ping), cancellationToken);

    /// <summary>The subscription's deliveries, newest first: status, attempts, last response code and duration.</summary>
    [HttpGet("{id:guid}/deliveries")]
    [ProducesResponseType<Application.Common.Paging.ListResult<WebhookDeliveryDto>>(StatusCodes.Status200OK)]
    public Task<IActionResult> ListDeliveries(Guid id, [FromQuery] ListQueryParameters list, CancellationToken cancellationToken) =>
        SendListAsync(new ListWebhookDeliveriesQuery(id, list.ToListRequest()), list, delivery => delivery, cancellationToken);

    /// <summary>Delivers the same event again (same <c>webhook-id</c>), whatever became of this delivery.</summary>
    [HttpPost("deliveries/{id:guid}/replay")]
    [ProducesResponseType<WebhookDeliveryDto>(StatusCodes.Status202Accepted)]
    public Task<IActionResult> Replay(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new ReplayWebhookDeliveryCommand(id), delivery => Accepted(delivery), cancellationToken);
}
