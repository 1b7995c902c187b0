using Microsoft.OpenApi;
using QuoinApi.Api.Http;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>The error responses the API gives, shared by every operation that can give them (components/responses).</summary>
internal sealed record ProblemResponses(string Id, int Status, string Description, bool Validation = false, string? Header = null)
{
    public static readonly ProblemResponses BadRequest = new("BadRequest", 400,
        "Malformed request (request line, headers, query or body) or a validation failure; `errors` names the members.", Validation: true);

    public static readonly ProblemResponses Unauthorized = new("Unauthorized", 401,
        "Missing, malformed, expired or revoked credentials, more than one credential, or a token whose tenant is unknown or deleted.",
        Header: "WWW-Authenticate");

    public static readonly ProblemResponses Forbidden = new("Forbidden", 403, "The credentials lack the required scope.");
    public static readonly ProblemResponses NotFound = new("NotFound", 404, "No such resource for this tenant (or it is deleted).");
    public static readonly ProblemResponses Conflict = new("Conflict", 409,
        "A unique value is taken, the resource changed concurrently, it is not in a state that allows this, or the same Idempotency-Key is still in flight.");

    public static readonly ProblemResponses Gone = new("Gone", 410, "This API version is retired; `type` links to the migration guide.");
    public static readonly ProblemResponses PreconditionFailed = new("PreconditionFailed", 412, "If-Match does not match the current ETag.");
    public static readonly ProblemResponses PayloadTooLarge = new("PayloadTooLarge", 413, "The request body is larger than the server accepts.");
    public static readonly ProblemResponses UriTooLong = new("UriTooLong", 414, "The request URL is longer than the server accepts.");
    public static readonly ProblemResponses UnsupportedMediaType = new("UnsupportedMediaType", 415, "The request body's Content-Type is not accepted here.");
    public static readonly ProblemResponses UnprocessableEntity = new("UnprocessableEntity", 422, "The Idempotency-Key was used before with a different request.");
    public static readonly ProblemResponses PreconditionRequired = new("PreconditionRequired", 428, "This server requires If-Match on writes (Api:RequireIfMatch).");
    public static readonly ProblemResponses TooManyRequests = new("TooManyRequests", 429,
#if (IncludeRatePlans)
        "The tenant's rate limit or monthly quota is used up (or, without valid credentials, the client address's); retry after the delay in Retry-After.",
#else
        "Too many unauthenticated requests or unknown credentials from the client address; retry after the delay in Retry-After.",
#endif
        Header: "Retry-After");

    public static readonly ProblemResponses HeadersTooLarge = new("RequestHeaderFieldsTooLarge", 431, "The request headers are larger than the server accepts.");
    public static readonly ProblemResponses ServiceUnavailable = new("ServiceUnavailable", 503,
        "The database is unavailable; retry after the delay in Retry-After.", Header: "Retry-After");

    public static IReadOnlyList<ProblemResponses> All { get; } =
    [
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Gone, PreconditionFailed, PayloadTooLarge, UriTooLong,
        UnsupportedMediaType, UnprocessableEntity, PreconditionRequired, TooManyRequests, HeadersTooLarge, ServiceUnavailable,
    ];

    public OpenApiResponse Create(OpenApiDocument document)
    {
        var response = new OpenApiResponse
        {
            Description = Description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaTypes.ProblemJson] = new()
                {
                    Schema = new OpenApiSchemaReference(Validation ? "ValidationProblemDetails" : "ProblemDetails", document),
                },
            },
        };
        if (Header is { } header)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                [header] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Required = true },
            };
        }

        return response;
    }

    public IOpenApiResponse Reference(OpenApiDocument document) => new OpenApiResponseReference(Id, document);
}
