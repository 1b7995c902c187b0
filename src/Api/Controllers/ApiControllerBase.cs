using MediatR;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers;

/// <summary>
/// Controllers hold no logic: they bind, send, and map the result. Expected failures become problems here, in one
/// place, with the same status for the same kind of error everywhere.
/// </summary>
[ApiController]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public abstract class ApiControllerBase : ControllerBase
{
    private IMediator? _mediator;

    protected IMediator Mediator => _mediator ??= HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected async Task<ActionResult<T>> SendAsync<T>(IRequest<Result<T>> request, Func<T, ActionResult<T>> onSuccess, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(request, cancellationToken);
        return result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error!);
    }

    protected async Task<IActionResult> SendAsync(IRequest<Result<Success>> request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(request, cancellationToken);
        return result.IsSuccess ? NoContent() : Problem(result.Error!);
    }

    protected ObjectResult Problem(Error error)
    {
        if (error.Kind == ErrorKind.Validation && error.ValidationErrors is { } validationErrors)
        {
            var validation = ProblemDetailsFactory.CreateValidationProblemDetails(
                HttpContext, new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary(), StatusCodes.Status400BadRequest,
                "One or more validation errors occurred.", detail: error.Message);
            foreach (var (member, messages) in validationErrors)
            {
                validation.Errors[member] = messages;
            }

            return new ObjectResult(validation) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
        }

        var status = StatusCodeOf(error.Kind);
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, status, detail: error.Message);
        problem.Extensions["code"] = error.Code;
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    internal static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Strong ETag from the row version (RFC 9110 §8.8.3).</summary>
    protected void SetETag(uint version) => Response.Headers.ETag = $"\"{version}\"";
}
