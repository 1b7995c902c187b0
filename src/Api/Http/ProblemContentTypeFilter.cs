using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace QuoinApi.Api.Http;

/// <summary>
/// The one place MVC problem results get <c>application/problem+json</c>. <c>[Produces("application/json")]</c> (which the
/// OpenAPI documents need) resets every object result's content types, so this runs after it.
/// </summary>
internal sealed class ProblemContentTypeFilter : IAlwaysRunResultFilter, IOrderedFilter
{
    public int Order => 1000;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: ProblemDetails } result)
        {
            result.ContentTypes.Clear();
            result.ContentTypes.Add(MediaTypes.ProblemJson);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
