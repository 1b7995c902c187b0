namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Names of the EF Core named query filters, so a query can lift one visibly, by name, and keep the other
/// (e.g. <c>IgnoreQueryFilters([QueryFilterNames.SoftDelete])</c> for <c>includeDeleted</c>).
/// </summary>
public static class QueryFilterNames
{
    public const string SoftDelete = nameof(SoftDelete);
    public const string Tenant = nameof(Tenant);
}
