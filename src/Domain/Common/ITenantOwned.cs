namespace QuoinApi.Domain.Common;

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
