using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using QuoinApi.Api.Http;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// Makes each operation say what it does: the request content types it accepts (merge patches as
/// application/merge-patch+json), query parameters with the binders' and validators' rules, the Idempotency-Key and
/// If-Match headers, and every status it can answer, each error as application/problem+json.
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
#if (IncludeEvents)
    private const string EventStreamMediaType = "text/event-stream";

#endif
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer needs the document.");
        var action = (ControllerActionDescriptor)description.ActionDescriptor;
        var method = description.HttpMethod ?? "GET";
        var metadata = action.EndpointMetadata;
        var consumes = metadata.OfType<ConsumesAttribute>().SelectMany(c => c.ContentTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var hasId = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && p.Name == "id");
        var ifMatch = metadata.OfType<IfMatchRequiredAttribute>().Any();
        var writes = !HttpMethods.IsGet(method);

        DescribeRequestBody(operation, description, document, context.DocumentName, consumes);
        DescribeParameters(operation, description, action, method, ifMatch);

        var responses = operation.Responses ??= [];
        foreach (var status in responses.Keys.Where(status => status.Length == 3 && status[0] is '4' or '5').ToArray())
        {
            responses.Remove(status);
        }

        var versioned = ContractRules.VersionedResource(action.ControllerName) is { } resource && (hasId || HttpMethods.IsPost(method)) ? resource : null;
#if (IncludeEvents)
        var streams = metadata.OfType<ProducesAttribute>().Any(p => p.ContentTypes.Contains(EventStreamMediaType));
#endif
        foreach (var (status, response) in responses)
        {
            if (response is OpenApiResponse success)
            {
#if (IncludeEvents)
                DescribeSuccess(status, success, versioned, streams);
#else
                DescribeSuccess(status, success, versioned);
#endif
            }
        }

        var problems = new List<ProblemResponses> { ProblemResponses.BadRequest, ProblemResponses.PayloadTooLarge, ProblemResponses.UriTooLong,
            ProblemResponses.HeadersTooLarge, ProblemResponses.ServiceUnavailable };
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            problems.AddRange([ProblemResponses.Unauthorized, ProblemResponses.TooManyRequests]);
            if (metadata.OfType<IAuthorizeData>().Any(authorize => authorize.Policy is not null))
            {
                // A scope policy; [Authorize] alone (any authenticated caller) never answers 403.
                problems.Add(ProblemResponses.Forbidden);
            }
        }

        if (context.DocumentName == "v1")
        {
            problems.Add(ProblemResponses.Gone);
        }

        if (hasId)
        {
            problems.Add(ProblemResponses.NotFound);
        }

        if (writes)
        {
            problems.Add(ProblemResponses.Conflict);
        }

        if (HttpMethods.IsPost(method) || HttpMethods.IsPatch(method))
        {
            problems.Add(ProblemResponses.UnprocessableEntity);
        }

        if (ifMatch)
        {
            problems.AddRange([ProblemResponses.PreconditionFailed, ProblemResponses.PreconditionRequired]);
        }

        if (consumes.Length > 0)
        {
            problems.Add(ProblemResponses.UnsupportedMediaType);
        }

        foreach (var problem in problems)
        {
            responses[problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = problem.Reference(document);
        }

        // In status order, for readers of the document.
        var ordered = responses.OrderBy(response => response.Key, StringComparer.Ordinal).ToArray();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses[status] = response;
        }

        return Task.CompletedTask;
    }

    private static void DescribeRequestBody(
        OpenApiOperation operation, ApiDescription description, OpenApiDocument document, string documentName, string[] consumes)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is not { Count: > 0 } content)
        {
            return;
        }

        var parameter = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);

#if (IncludeProducts)
        // Product patches are read by hand (MergePatchReader) from a JsonElement: their schema is built separately.
        var schema = consumes.Contains(MergePatchReader.MediaType, StringComparer.OrdinalIgnoreCase) && parameter?.Type == typeof(System.Text.Json.JsonElement)
            ? new OpenApiSchemaReference(ContractDocumentTransformer.MergePatchSchemaId(documentName), document)
            : SchemaEdits.WithoutNull(content.Values.First().Schema ?? new OpenApiSchema());
#else
        var schema = SchemaEdits.WithoutNull(content.Values.First().Schema ?? new OpenApiSchema());
#endif
        body.Content = consumes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }, StringComparer.OrdinalIgnoreCase);
        body.Required = parameter?.BindingInfo?.EmptyBodyBehavior != EmptyBodyBehavior.Allow;
    }

    private static void DescribeParameters(OpenApiOperation operation, ApiDescription description, ControllerActionDescriptor action, string method, bool ifMatch)
    {
        var parameters = operation.Parameters ??= [];
        foreach (var parameter in parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            var source = description.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name && p.Source == BindingSource.Query);
            var type = source?.Type is { } clr ? Nullable.GetUnderlyingType(clr) ?? clr : typeof(string);
            parameter.Schema = QuerySchema(parameter.Name!, type, action);
        }

        if (HttpMethods.IsPost(method) || HttpMethods.IsPatch(method))
        {
            parameters.Add(Header(IdempotencyKeyMiddleware.HeaderName,
                "Makes the request safe to retry: the same key and request within 24 hours replays the first response (Idempotent-Replayed: true).",
                new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255, Pattern = "^[ -~]+$" }));
        }

        if (ifMatch)
        {
            parameters.Add(Header("If-Match", "The ETag the change is based on (or *); a mismatch is a 412.", new OpenApiSchema { Type = JsonSchemaType.String }));
        }
    }

    private static OpenApiSchema QuerySchema(string name, Type type, ControllerActionDescriptor action)
    {
        var schema = type switch
        {
            _ when type == typeof(int) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            _ when type == typeof(long) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            _ when type == typeof(decimal) => new OpenApiSchema { Type = JsonSchemaType.Number },
            _ when type == typeof(bool) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ when type == typeof(DateTimeOffset) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            _ when type == typeof(DateOnly) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };

        if (name == "sort" && ContractRules.SortFields(action.ControllerName, action.ActionName) is { } fields)
        {
            // As SortableFields reads it: blanks around entries are ignored, a blank value is the default order.
            var field = "\\s*-?(" + string.Join('|', fields) + ")\\s*";
            schema.Pattern = $"^(\\s*|{field}(,{field})*)$";
            schema.Description = "Comma-separated fields, '-' for descending.";
        }
        else if (name == "fields" && RepresentationOf(action) is { } representation)
        {
            // As SparseFieldset reads it: blanks and empty entries are ignored.
            var member = "\\s*(" + string.Join('|', MemberNames(representation)) + ")?\\s*";
            schema.Pattern = $"^{member}(,{member})*$";
            schema.Description = "Comma-separated members to return per item (id always).";
        }
        else if (ContractRules.QueryParameter(name) is { } rule)
        {
            return (OpenApiSchema)SchemaEdits.Apply(schema, rule);
        }

        return schema;
    }

    private static OpenApiParameter Header(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Header, Description = description, Schema = schema };

#if (IncludeEvents)
    /// <param name="status">The success status.</param>
    /// <param name="response">Its response.</param>
    /// <param name="versioned">The resource when the body is a versioned one, which comes with its ETag.</param>
    /// <param name="streams">An endless Server-Sent Events stream, described as text.</param>
    private static void DescribeSuccess(string status, OpenApiResponse response, string? versioned, bool streams)
#else
    /// <param name="status">The success status.</param>
    /// <param name="response">Its response.</param>
    /// <param name="versioned">The resource when the body is one of them (a product), which comes with its ETag.</param>
    private static void DescribeSuccess(string status, OpenApiResponse response, string? versioned)
#endif
    {
        if (status is "204" or "304")
        {
            response.Content = null;
            return;
        }

#if (IncludeEvents)
        if (streams)
        {
            // Server-Sent Events: an endless text stream of id/event/data records, not one JSON document.
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                [EventStreamMediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
            return;
        }

#endif
        if (response.Content is { } content)
        {
            foreach (var type in content.Keys.Where(type => type != "application/json").ToArray())
            {
                content.Remove(type);
            }
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        if (status == "201")
        {
            response.Headers["Location"] = new OpenApiHeader { Description = "Relative URL of the new resource.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        if (versioned is not null)
        {
            response.Headers["ETag"] = new OpenApiHeader { Description = $"Strong entity tag of the {versioned}'s version.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    /// <summary>The item type of the list an action returns (<c>ListResult&lt;T&gt;</c>), read from its response metadata.</summary>
    private static Type? RepresentationOf(ControllerActionDescriptor action) =>
        action.EndpointMetadata.OfType<ProducesResponseTypeAttribute>()
            .Concat(action.FilterDescriptors.Select(f => f.Filter).OfType<ProducesResponseTypeAttribute>())
            .Select(attribute => attribute.Type)
            .FirstOrDefault(type => type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(ListResult<>))
            ?.GetGenericArguments()[0];

    private static IEnumerable<string> MemberNames(Type representation) =>
        representation.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
