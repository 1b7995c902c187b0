using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using QuoinApi.Api.Http;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers;

/// <summary>
/// Controllers hold no logic: they bind, send, and map the result. Expected failures become problems here, in one
/// place, with the same status for the same kind of error everywhere; lists get their Link header and sparse
/// fieldsets here; entity tags and conditional GETs here. Actions declare their success bodies; the error responses
/// each operation can give are documented in one place, Infrastructure/OpenApi/ContractOperationTransformer.
/// </summary>
[ApiController]
[Produces("application/json")]
public abstract class ApiControllerBase : ControllerBase
{
    private IMediator? _mediator;

    protected IMediator Mediator => _mediator ??= HttpContext.RequestServices.GetRequiredService<IMediator>();

    private System.Text.Json.JsonSerializerOptions JsonOptions =>
        HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

    protected async Task<IActionResult> SendAsync<T>(IRequest<Result<T>> request, Func<T, IActionResult> onSuccess, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(request, cancellationToken);
        return result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error!);
    }

    protected async Task<IActionResult> SendAsync(IRequest<Result<Success>> request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(request, cancellationToken);
        return result.IsSuccess ? NoContent() : Problem(result.Error!);
    }

    /// <summary>Sends a list query and answers with the list envelope (docs/http-contract.md#5-lists), Link: rel="next" and the sparse fieldset.</summary>
    protected async Task<IActionResult> SendListAsync<TItem, TRepresentation>(
        IRequest<Result<ListResult<TItem>>> query, ListQueryParameters list, Func<TItem, TRepresentation> represent, CancellationToken cancellationToken)
    {
        var fieldset = SparseFieldset.Parse(list.Fields, typeof(TRepresentation), JsonOptions);
        if (!fieldset.IsSuccess)
        {
            return Problem(fieldset.Error!);
        }

        var result = await Mediator.Send(query, cancellationToken);
        if (!result.IsSuccess)
        {
            return Problem(result.Error!);
        }

        var page = result.Value;
        if (page.NextPageToken is { } next)
        {
            Response.Headers.Append("Link", $"<{UrlWithPageToken(next)}>; rel=\"next\"");
        }

        var items = page.Items.Select(represent);
        return fieldset.Value is { } fields
            ? Ok(new ListResult<System.Text.Json.Nodes.JsonNode>([.. items.Select(i => fields.Apply(i, JsonOptions))], page.NextPageToken, page.TotalCount))
            : Ok(new ListResult<TRepresentation>([.. items], page.NextPageToken, page.TotalCount));
    }

    /// <summary>201 with a relative <c>Location</c> of the new resource in the same API version.</summary>
    protected CreatedResult CreatedAt(string getAction, Guid id, object body) => Created(LocationOf(getAction, id), body);

    protected string? LocationOf(string getAction, Guid id) => Url.Action(getAction, new { id, version = RouteData.Values["version"] });

    /// <summary>200 with a strong ETag, or 304 when If-None-Match already names it.</summary>
    protected IActionResult Representation(uint version, object body, int status = StatusCodes.Status200OK)
    {
        Response.Headers.ETag = EntityTags.Format(version);
        if (status == StatusCodes.Status200OK && HttpMethods.IsGet(Request.Method) && EntityTags.IfNoneMatchHits(Request, version))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return StatusCode(status, body);
    }

    /// <param name="error">The failure.</param>
    /// <param name="representationErrors">True when the error already speaks the version's member names (errors of
    /// reading the body), so <see cref="RenameMember"/> must not apply.</param>
    protected ObjectResult Problem(Error error, bool representationErrors = false)
    {
        if (error.Kind == ErrorKind.Validation && error.ValidationErrors is { } validationErrors)
        {
            var validation = ProblemDetailsFactory.CreateValidationProblemDetails(
                HttpContext, new ModelStateDictionary(), StatusCodes.Status400BadRequest, "One or more validation errors occurred.", detail: error.Message);
            foreach (var (member, messages) in validationErrors)
            {
                validation.Errors[representationErrors ? member : RenameMember(member)] = messages;
            }

            return new ObjectResult(validation) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var status = StatusCodeOf(error.Kind);
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, status, detail: error.Message);
        problem.Extensions["code"] = error.Code;
        return new ObjectResult(problem) { StatusCode = status };
    }

    /// <summary>Lets a version's representation rename members in validation errors (v2: price → price.amountMinor).</summary>
    protected virtual string RenameMember(string member) => member;

    internal static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.VersionMismatch => StatusCodes.Status412PreconditionFailed,
        ErrorKind.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    private string UrlWithPageToken(string token)
    {
        var query = Request.Query
            .Where(p => !string.Equals(p.Key, "pageToken", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("pageToken", (string?)token));
        return Request.PathBase + Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
