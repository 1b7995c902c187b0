using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// Removes the schemas and shared responses nothing refers to (the item schema a sparse list item replaced, a problem
/// response no operation of this version can give), so generated clients carry no dead types. Runs last.
/// </summary>
internal sealed class UnusedComponentsTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components is not { } components)
        {
            return;
        }

        // Removing one component can leave another unreferenced (a schema only the removed one used): repeat until none goes.
        while (true)
        {
            var json = await SerializeAsync(document, cancellationToken);
            var unusedSchemas = (components.Schemas?.Keys ?? []).Where(id => !Refers(json, $"#/components/schemas/{id}")).ToArray();
            var unusedResponses = (components.Responses?.Keys ?? []).Where(id => !Refers(json, $"#/components/responses/{id}")).ToArray();
            if (unusedSchemas.Length == 0 && unusedResponses.Length == 0)
            {
                return;
            }

            foreach (var id in unusedSchemas)
            {
                components.Schemas!.Remove(id);
            }

            foreach (var id in unusedResponses)
            {
                components.Responses!.Remove(id);
            }
        }
    }

    private static bool Refers(string json, string pointer) => json.Contains($"\"{pointer}\"", StringComparison.Ordinal);

    private static async Task<string> SerializeAsync(OpenApiDocument document, CancellationToken cancellationToken)
    {
        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(writer));
        await writer.FlushAsync(cancellationToken);
        return writer.ToString();
    }
}
