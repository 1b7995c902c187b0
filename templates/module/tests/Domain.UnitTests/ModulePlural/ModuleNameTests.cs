using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Domain.UnitTests.ModulePlural;

public sealed class ModuleNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddMinutes(5);
    private static readonly Guid TenantId = Guid.CreateVersion7();

    private static ModuleName Create()
    {
        var moduleName = ModuleName.Create(TenantId, "First", Now);
        moduleName.ClearDomainEvents();
        return moduleName;
    }

    [Test]
    public void Create_takes_the_state_at_version_1_and_raises_created()
    {
        var moduleName = ModuleName.Create(TenantId, "First", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moduleName.Id.Version, Is.EqualTo(7), "ids are UUIDv7");
            Assert.That(moduleName.TenantId, Is.EqualTo(TenantId));
            Assert.That(((ITenantOwned)moduleName).TenantId, Is.EqualTo(TenantId));
            Assert.That(moduleName.Name, Is.EqualTo("First"));
            Assert.That(moduleName.Version, Is.EqualTo(1u));
            Assert.That(moduleName.CreatedAt, Is.EqualTo(Now));
            Assert.That(moduleName.UpdatedAt, Is.EqualTo(Now));
            Assert.That(moduleName.DeletedAt, Is.Null);
            Assert.That(moduleName.DomainEvents, Is.EqualTo(new[] { new ModuleNameCreated(moduleName.Id, TenantId, Now) }));
        }
    }

    [Test]
    public void Replace_changes_the_state_counts_the_version_and_raises_updated()
    {
        var moduleName = Create();

        moduleName.Replace("Second", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moduleName.Name, Is.EqualTo("Second"));
            Assert.That(moduleName.Version, Is.EqualTo(2u));
            Assert.That(moduleName.UpdatedAt, Is.EqualTo(Later));
            Assert.That(moduleName.CreatedAt, Is.EqualTo(Now));
            Assert.That(moduleName.DomainEvents, Is.EqualTo(new[] { new ModuleNameUpdated(moduleName.Id, TenantId, Later) }));
        }
    }

    [Test]
    public void Replace_with_the_same_state_changes_nothing()
    {
        var moduleName = Create();

        moduleName.Replace("First", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moduleName.Version, Is.EqualTo(1u), "the caller's ETag stays valid");
            Assert.That(moduleName.UpdatedAt, Is.EqualTo(Now));
            Assert.That(moduleName.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Delete_marks_it_deleted_counts_the_version_and_raises_deleted()
    {
        var moduleName = Create();

        moduleName.Delete(Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moduleName.DeletedAt, Is.EqualTo(Later));
            Assert.That(moduleName.Version, Is.EqualTo(2u));
            Assert.That(moduleName.UpdatedAt, Is.EqualTo(Later));
            Assert.That(moduleName.DomainEvents, Is.EqualTo(new[] { new ModuleNameDeleted(moduleName.Id, TenantId, Later) }));
        }
    }

    [Test]
    public void Deleting_twice_changes_nothing_the_second_time()
    {
        var moduleName = Create();
        moduleName.Delete(Now);
        moduleName.ClearDomainEvents();

        moduleName.Delete(Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moduleName.DeletedAt, Is.EqualTo(Now));
            Assert.That(moduleName.Version, Is.EqualTo(2u));
            Assert.That(moduleName.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Its_scopes_are_among_those_a_tenant_s_key_can_hold() =>
        Assert.That(Scopes.TenantScopes, Is.SupersetOf(new[] { "module_plural:read", "module_plural:write" }));
}
