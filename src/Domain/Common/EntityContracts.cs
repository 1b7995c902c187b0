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

/// <summary>Belongs to exactly one tenant; a query filter isolates tenants from each other.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
