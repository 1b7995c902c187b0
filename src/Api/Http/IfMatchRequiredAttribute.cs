using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace QuoinApi.Api.Http;

/// <summary>
/// Marks a write that honours <c>If-Match</c>. When <c>Api:RequireIfMatch</c> is true, such a write without the header
/// gets 428 Precondition Required (RFC 6585), so clients cannot lose updates by accident.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class IfMatchRequiredAttribute : Attribute, IAsyncActionFilter
{
    public const string ConfigurationKey = "Api:RequireIfMatch";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var required = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(ConfigurationKey, false);
        if (required && http.Request.Headers.IfMatch.Count == 0)
        {
            var factory = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory>();
            var problem = factory.CreateProblemDetails(http, StatusCodes.Status428PreconditionRequired,
                detail: "This server requires If-Match on writes: read the resource, then send its ETag in If-Match.");
            context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status428PreconditionRequired };
            return;
        }

        await next();
    }
}
