using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Tenants;

#if (IncludeRatePlans)
/// <summary>A customer organisation: owns API keys and business data, and is billed on a rate plan.</summary>
#else
/// <summary>A customer organisation: owns API keys and business data.</summary>
#endif
public sealed class Tenant : Entity, ISoftDeletable, IAuditable
{
    public const int NameMaxLength = 200;

#if (IncludeRatePlans)
    private Tenant(string name, RatePlan ratePlan)
    {
        Name = name;
        RatePlan = ratePlan;
    }
#else
    private Tenant(string name)
    {
        Name = name;
    }
#endif

    public string Name { get; private set; }

#if (IncludeRatePlans)
    public RatePlan RatePlan { get; private set; }
#endif

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

#if (IncludeRatePlans)
    public static Tenant Create(string name, RatePlan ratePlan, DateTimeOffset now)
    {
        var tenant = new Tenant(name.Trim(), ratePlan);
        tenant.RecordCreated(now);
        tenant.Raise(new TenantCreated(tenant.Id, ratePlan, now));
        return tenant;
    }
#else
    public static Tenant Create(string name, DateTimeOffset now)
    {
        var tenant = new Tenant(name.Trim());
        tenant.RecordCreated(now);
        tenant.Raise(new TenantCreated(tenant.Id, now));
        return tenant;
    }
#endif

#if (IncludeRatePlans)
    public void ChangeRatePlan(RatePlan ratePlan, DateTimeOffset now)
    {
        if (ratePlan == RatePlan)
        {
            return;
        }

        var previous = RatePlan;
        RatePlan = ratePlan;
        this.RecordChanged(now);
        Raise(new TenantRatePlanChanged(Id, previous, ratePlan, now));
    }
#endif

    /// <summary>Soft-deletes the tenant; its API keys stop authenticating at once.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        DeletedAt = now;
        this.RecordChanged(now);
        Raise(new TenantDeleted(Id, now));
    }
}
