namespace QuoinApi.Api.Controllers;

/// <summary>
/// An action's public name and one-line summary in the OpenAPI documents. The operation id names the method of every
/// generated client, so it never changes once published; the summary is for the API's users. Every action has one
/// (OpenApiDocumentRulesTests).
/// </summary>
/// <param name="operationId">camelCase verb and resource, unique in the document: <c>createApiKey</c>.</param>
/// <param name="summary">Imperative, one line, no trailing period: <c>Create an API key</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ApiOperationAttribute(string operationId, string summary) : Attribute
{
    public string OperationId { get; } = operationId;

    public string Summary { get; } = summary;
}
