using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using QuoinApi.Api.Controllers;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// What client generators and readers of the documents see first: each operation's id and summary from its
/// <see cref="ApiOperationAttribute"/> (a developer's XML summary of the action becomes its description), and each tag's
/// description from its controller's <see cref="ApiTagAttribute"/>.
/// </summary>
internal sealed class PublishedNamesTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiOperationAttribute>().LastOrDefault() is { } published)
        {
            operation.Description ??= operation.Summary;
            operation.OperationId = published.OperationId;
            operation.Summary = published.Summary;
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var description in context.DescriptionGroups.SelectMany(group => group.Items))
        {
            if (description.ActionDescriptor is ControllerActionDescriptor action
                && action.ControllerTypeInfo.GetCustomAttribute<ApiTagAttribute>(inherit: true) is { } tag)
            {
                var names = action.EndpointMetadata.OfType<ITagsMetadata>().LastOrDefault()?.Tags ?? [action.ControllerName];
                foreach (var name in names)
                {
                    descriptions.TryAdd(name, tag.Description);
                }
            }
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && descriptions.TryGetValue(name, out var text))
            {
                tag.Description = text;
            }
        }

        return Task.CompletedTask;
    }
}
