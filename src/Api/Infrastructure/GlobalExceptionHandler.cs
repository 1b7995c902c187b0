using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Exceptions;

namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// The last line: maps what nobody expected to a problem with no internals. Known persistence failures, as
/// Infrastructure translates them (<see cref="IPersistenceExceptionTranslator"/>), get honest statuses (503 +
/// Retry-After when the database is down, 409 for a unique race, 400 for text the database cannot hold), and an
/// oversized body is a 413.
/// </summary>
internal sealed class GlobalExceptionHandler(
    IProblemDetailsService problems, IPersistenceExceptionTranslator persistence, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var failure = persistence.Translate(exception);
        var (status, title, detail) = Classify(exception, failure);

        // A write that raced another under If-Match lost its precondition: 412, as if it had arrived second.
        if (failure == PersistenceFailure.ConcurrentChange && httpContext.Request.Headers.IfMatch.Count > 0)
        {
            (status, title, detail) = (412, "Precondition Failed", "The resource changed while the request ran: If-Match no longer matches.");
        }
        if (status >= 500)
        {
            logger.LogError(exception, "Request failed with {Status}", status);
        }
        else
        {
            logger.LogInformation("Request rejected with {Status}: {Reason}", status, exception.GetType().Name);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string Detail) Classify(Exception exception, PersistenceFailure? failure) => (exception, failure) switch
    {
        (BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }, _) =>
            (413, "Payload Too Large", "The request body is larger than the server accepts."),
        (BadHttpRequestException bad, _) => (bad.StatusCode, "Bad Request", "The request could not be read."),
        (_, PersistenceFailure.UniqueValueTaken) => (409, "Conflict", "A resource with the same unique value already exists."),
        (_, PersistenceFailure.ReferencedRowMissing) => (409, "Conflict", "The request refers to a resource that does not exist."),

        // Bad input, refused after the rollback as a 400, not a 500. (A JSON converter could refuse it earlier, but a
        // custom string converter erases string schemas from OpenAPI.)
        (_, PersistenceFailure.TextNotStorable) => (400, "Bad Request", "Text may not contain the NUL character (U+0000) or invalid UTF-8."),
        (_, PersistenceFailure.ConcurrentChange) => (409, "Conflict", "The resource was changed by another request; read it again and retry."),
        (_, PersistenceFailure.StoreUnavailable) =>
            (503, "Service Unavailable", "The database is unavailable. Retry after the delay in Retry-After."),
        _ => (500, "Internal Server Error", "An unexpected error occurred. Quote the traceId when reporting it."),
    };
}
