using Microsoft.EntityFrameworkCore;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Architecture.Tests;

/// <summary>The model the code builds (check constraints from the validators' constants included) is the migrated one.</summary>
public sealed class MigrationTests
{
    [Test]
    public void The_model_has_no_change_that_a_migration_does_not_hold()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "Add a migration: dotnet ef migrations add <Name>.");
    }
}
