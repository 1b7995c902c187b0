using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Mvc;

namespace QuoinApi.Api.Http;

/// <summary>Lets a controller answer with ASP.NET Core's built-in Server-Sent Events result.</summary>
internal sealed class ServerSentEventsResult(IAsyncEnumerable<SseItem<string>> items) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) =>
        TypedResults.ServerSentEvents(items).ExecuteAsync(context.HttpContext);
}
