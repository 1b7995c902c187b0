using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Http;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Events;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Events;

/// <summary>The calling tenant's events, live. Same in v1 and v2.</summary>
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/events")]
[Authorize(Policy = Scopes.EventsRead)]
public sealed class EventsController : ApiControllerBase
{
    /// <summary>
    /// Server-Sent Events: <c>id:</c> the event id, <c>event:</c> its type, <c>data:</c> the envelope
    /// <c>{id, type, occurredAt, tenantId, data}</c>. Send <c>Last-Event-ID</c> to resume after that event; idle
    /// streams get a <c>heartbeat</c> event now and then.
    /// </summary>
    [HttpGet("stream")]
    [Produces("text/event-stream")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/event-stream")]
    public IActionResult Stream([FromHeader(Name = "Last-Event-ID")] string? lastEventId)
    {
        if (HttpContext.RequestServices.GetRequiredService<ICurrentPrincipal>().TenantId is not { } tenantId)
        {
            return Problem(Error.Forbidden("events.tenant_required", "Only a tenant's credentials can read that tenant's events."));
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(lastEventId))
        {
            if (!Guid.TryParseExact(lastEventId, "D", out var parsed))
            {
                return Problem(Error.Validation("Last-Event-ID", "'Last-Event-ID' must be an event id (a UUID) this stream sent."));
            }

            after = parsed;
        }

        var stream = HttpContext.RequestServices.GetRequiredService<IEventStream>();
        return new ServerSentEventsResult(Items(stream, tenantId, after, HttpContext.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(
        IEventStream stream, Guid tenantId, Guid? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in stream.ReadAsync(tenantId, after, cancellationToken))
        {
            yield return item.IsHeartbeat
                ? new SseItem<string>(item.Envelope, item.Type)
                : new SseItem<string>(item.Envelope, item.Type) { EventId = item.Id!.Value.ToString() };
        }
    }
}
