using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Tenants;

/// <summary>A customer organisation: owns API keys and business data, and is billed on a rate plan.</summary>
public sealed class Tenant : Entity, ISoftDeletable, IAuditable
{
    public const int NameMaxLength = 200;

    private Tenant(string name, RatePlan ratePlan)
    {
        Name = name;
        RatePlan = ratePlan;
    }

    public string Name { get; private set; }

    public RatePlan RatePlan { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public static Tenant Create(string name, RatePlan ratePlan, DateTimeOffset now)
    {
        var tenant = new Tenant(name.Trim(), ratePlan);
        tenant.RecordCreated(now);
        tenant.Raise(new TenantCreated(tenant.Id, ratePlan, now));
        return tenant;
    }

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
