namespace QuoinApi.Domain.Common;

/// <summary>Rows are never physically deleted by the API; a named query filter hides them.</summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; }
}

/// <summary>Audit fields, stamped by the persistence layer from the clock and the current principal.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>
/// Owned by a tenant. Persistence applies the tenant query filter to every entity that implements this, so a caller
/// only ever sees its own tenant's rows. A row whose <see cref="TenantId"/> is null belongs to the platform (the
/// bootstrap key, the platform audit chain) and is never visible through the filter, not even to a caller without a
/// tenant; code that needs such rows lifts the filter by name.
/// </summary>
public interface ITenantOwned
{
    Guid? TenantId { get; }
}
