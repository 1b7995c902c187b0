using QuoinApi.Domain.Tenants;

namespace QuoinApi.Domain.UnitTests.Tenants;

public sealed class TenantTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

#if (IncludeRatePlans)
    private static Tenant Create(RatePlan ratePlan = RatePlan.Free)
    {
        var tenant = Tenant.Create("Acme", ratePlan, Now);
        tenant.ClearDomainEvents();
        return tenant;
    }

    [Test]
    public void Create_trims_the_name_and_raises_created()
    {
        var tenant = Tenant.Create("  Acme  ", RatePlan.Pro, Now);

        Assert.That(tenant.Name, Is.EqualTo("Acme"));
        Assert.That(tenant.RatePlan, Is.EqualTo(RatePlan.Pro));
        Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantCreated(tenant.Id, RatePlan.Pro, Now)));
    }
#else
    private static Tenant Create()
    {
        var tenant = Tenant.Create("Acme", Now);
        tenant.ClearDomainEvents();
        return tenant;
    }

    [Test]
    public void Create_trims_the_name_and_raises_created()
    {
        var tenant = Tenant.Create("  Acme  ", Now);

        Assert.That(tenant.Name, Is.EqualTo("Acme"));
        Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantCreated(tenant.Id, Now)));
    }
#endif

#if (IncludeRatePlans)
    [Test]
    public void Changing_the_rate_plan_raises_an_event_with_both_plans()
    {
        var tenant = Create(RatePlan.Free);

        tenant.ChangeRatePlan(RatePlan.Enterprise, Now.AddDays(1));

        Assert.That(tenant.RatePlan, Is.EqualTo(RatePlan.Enterprise));
        Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantRatePlanChanged(tenant.Id, RatePlan.Free, RatePlan.Enterprise, Now.AddDays(1))));
    }

    [Test]
    public void Setting_the_current_rate_plan_raises_nothing()
    {
        var tenant = Create(RatePlan.Pro);

        tenant.ChangeRatePlan(RatePlan.Pro, Now);

        Assert.That(tenant.RatePlan, Is.EqualTo(RatePlan.Pro));
        Assert.That(tenant.DomainEvents, Is.Empty);
    }
#endif

    [Test]
    public void Delete_marks_the_tenant_deleted_and_raises_deleted()
    {
        var tenant = Create();

        tenant.Delete(Now);

        Assert.That(tenant.DeletedAt, Is.EqualTo(Now));
        Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantDeleted(tenant.Id, Now)));
    }

    [Test]
    public void Delete_is_idempotent()
    {
        var tenant = Create();
        tenant.Delete(Now);

        tenant.Delete(Now.AddHours(1));

        Assert.That(tenant.DeletedAt, Is.EqualTo(Now));
        Assert.That(tenant.DomainEvents, Has.Count.EqualTo(1));
    }
}
