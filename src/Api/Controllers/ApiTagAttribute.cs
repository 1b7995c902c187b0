namespace QuoinApi.Api.Controllers;

/// <summary>
/// Describes, for the API's users, the OpenAPI tag a controller's operations are grouped under (the controller's name,
/// or its <c>[Tags]</c>). Every tag has a description (OpenApiDocumentRulesTests).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class ApiTagAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
