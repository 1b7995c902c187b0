using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ModulePlural;

/// <summary>
/// The module's aggregate, owned by a tenant (tenant-owned, soft-deleted, audited,
/// versioned). Add its state and behaviour here; every change goes through a method that counts the version.
/// </summary>
public sealed class ModuleName : Entity, ITenantOwned, ISoftDeletable, IAuditable
{
    // For EF Core materialisation.
    private ModuleName() => Name = string.Empty;

    private ModuleName(Guid tenantId, string name)
    {
        TenantId = tenantId;
        Name = name;
    }

    public Guid TenantId { get; private set; }

    Guid? ITenantOwned.TenantId => TenantId;

    public string Name { get; private set; }

    /// <summary>
    /// 1 when created, one more with every change: the optimistic concurrency token and the ETag. The aggregate counts
    /// it, not the store, so a command knows its result before anything is written.
    /// </summary>
    public uint Version { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <param name="tenantId">The owner.</param>
    /// <param name="name">Already validated against <see cref="ModuleNameRules"/>.</param>
    /// <param name="now">The command's time, recorded as created and updated.</param>
    public static ModuleName Create(Guid tenantId, string name, DateTimeOffset now)
    {
        var moduleName = new ModuleName(tenantId, name) { Version = 1 };
        moduleName.RecordCreated(now);
        moduleName.Raise(new ModuleNameCreated(moduleName.Id, tenantId, now));
        return moduleName;
    }

    /// <summary>Full replacement of the editable state (PUT semantics).</summary>
    public void Replace(string name, DateTimeOffset now)
    {
        if (Name == name)
        {
            // Nothing changes, so neither does the version: the caller's ETag stays valid and no event is raised.
            return;
        }

        Name = name;
        Changed(now);
        Raise(new ModuleNameUpdated(Id, TenantId, now));
    }

    /// <summary>Soft delete: the row stays, hidden by the soft-delete filter. Deleting twice changes nothing.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        DeletedAt = now;
        Changed(now);
        Raise(new ModuleNameDeleted(Id, TenantId, now));
    }

    private void Changed(DateTimeOffset now)
    {
        Version++;
        this.RecordChanged(now);
    }
}
