using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace QuoinApi.Api.Infrastructure;

/// <summary>Every problem, from MVC, middleware or the exception handler, gets <c>instance</c> and <c>traceId</c> here.</summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddQuoinProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var http = context.HttpContext;
            problem.Instance ??= http.Request.Path;
            var status = problem.Status ?? http.Response.StatusCode;
            problem.Type ??= ProblemTypes.For(status);
            problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            problem.Extensions.Remove("requestId");
            if (http.Items[RequestIdMiddleware.ItemKey] is string requestId)
            {
                problem.Extensions["requestId"] = requestId;
            }

            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status404NotFound => "No resource matches the request URL.",
                StatusCodes.Status405MethodNotAllowed => "The resource does not support this HTTP method; see the Allow header.",
                StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json (a merge patch as application/merge-patch+json).",
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than the server accepts.",
                _ => problem.Title,
            };
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();
        return services;
    }

    /// <summary>Writes a problem outside MVC (middleware), through the same customisation.</summary>
    public static Task WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
