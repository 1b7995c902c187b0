using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace QuoinApi.Api.Infrastructure;

/// <summary>One OpenAPI document per API version, with both security schemes, and an interactive reference at /docs.</summary>
internal static class OpenApiSetup
{
    public static readonly string[] Documents = ["v1", "v2"];

    /// <summary>The document <c>/docs</c> opens: the current version.</summary>
    public const string CurrentDocument = "v2";

    /// <summary>Configuration key of the absolute server URLs the documents list (none: clients use the document's origin).</summary>
    public const string ServerUrlsKey = "OpenApi:ServerUrls";

    public static IServiceCollection AddQuoinOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        var configuredUrls = configuration.GetSection(ServerUrlsKey).Get<string[]>() ?? [];
        foreach (var url in configuredUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"{ServerUrlsKey} entries must be absolute http(s) URLs; '{url}' is not.");
            }
        }

        // Paths start with a slash, and clients join the two: a server URL that ends in one would give "//api".
        // Without configured URLs, "/": the server the document was served from (what OpenAPI assumes when none is listed).
        string[] serverUrls = configuredUrls.Length > 0 ? [.. configuredUrls.Select(url => url.TrimEnd('/'))] : ["/"];

        foreach (var document in Documents)
        {
            services.AddOpenApi(document, options =>
            {
                options.AddSchemaTransformer(DescribeTimestamps);
                options.AddOperationTransformer<OpenApi.ContractOperationTransformer>();
                options.AddOperationTransformer<OpenApi.PublishedNamesTransformer>();
                options.AddDocumentTransformer(DescribeDocument);
                options.AddDocumentTransformer<OpenApi.ContractDocumentTransformer>();
                options.AddDocumentTransformer((openApi, _, _) =>
                {
                    // Never the request's Host header (a client-chosen value): the configured URLs, or "/", which OpenAPI
                    // reads as "relative to where the document was served from".
                    openApi.Servers = [.. serverUrls.Select(url => new OpenApiServer
                    {
                        Url = url,
                        Description = url == "/" ? "The server this document is served from" : null,
                    })];
                    return Task.CompletedTask;
                });
                options.AddDocumentTransformer<OpenApi.PublishedNamesTransformer>();
                options.AddOperationTransformer(MarkDeprecated);
                options.AddDocumentTransformer<OpenApi.UnusedComponentsTransformer>();
            });
        }

        return services;
    }

    public static WebApplication MapQuoinOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options =>
        {
            options.Title = "QuoinApi reference";
            // The current version first and selected; the deprecated one stays a click away.
            foreach (var document in Enumerable.Reverse(Documents))
            {
                options.AddDocument(document, document.ToUpperInvariant(), $"/openapi/{document}.json", isDefault: document == CurrentDocument);
            }
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Timestamps are RFC 3339 strings; DateTimeOffset has a converter of its own, so the generator cannot tell. A
    /// nullable one is marked so, which lets the contract transformer make it optional where responses omit nulls.
    /// </summary>
    private static Task DescribeTimestamps(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonPropertyInfo?.PropertyType ?? context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset?) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }

    /// <summary>Operations of a deprecated version (v1) are marked deprecated, from the same policy as the headers.</summary>
    private static Task MarkDeprecated(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.IsDeprecated || context.Description.DeprecationPolicy is not null)
        {
            operation.Deprecated = true;
        }

        return Task.CompletedTask;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "QuoinApi";
        document.Info.Version = context.DocumentName;
        document.Info.Description = "Multi-tenant REST API. Authenticate with an API key (X-Api-Key or Authorization: Bearer qk_...) or a JWT.";

        // Replace with your service's licence when you publish the documents.
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "qk_live_... or qk_test_... key",
        };
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT or API key",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
