using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Architecture.Tests.SchemaChanges;

/// <summary>
/// During a rolling deployment the previous release keeps serving on the migrated schema, so a migration may only
/// expand it. A change the previous release cannot live with (docs/guides/zero-downtime-migrations.md) needs a
/// <see cref="ReviewedBreakingChangeAttribute"/> on the migration naming it, with the reason it is acceptable.
/// </summary>
public sealed class ZeroDowntimeMigrationTests
{
    private static IEnumerable<TestCaseData> Migrations()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        foreach (var (id, type) in context.GetService<IMigrationsAssembly>().Migrations)
        {
            yield return new TestCaseData(id, type).SetArgDisplayNames(id);
        }
    }

    [TestCaseSource(nameof(Migrations))]
    public void A_migration_breaks_the_previous_release_only_where_a_reviewed_marker_says_why(string id, TypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        var migration = context.GetService<IMigrationsAssembly>().CreateMigration(type, context.Database.ProviderName!);

        var breaking = BreakingChanges.In(migration.UpOperations);
        var reviewed = type.GetCustomAttributes<ReviewedBreakingChangeAttribute>().ToArray();

        var unreviewed = breaking.Where(change => !reviewed.Any(marker => marker.Target == change.Target)).ToArray();
        var stale = reviewed.Where(marker => !breaking.Any(change => change.Target == marker.Target)).Select(marker => marker.Target).ToArray();
        var unexplained = reviewed.Where(marker => string.IsNullOrWhiteSpace(marker.Reason)).Select(marker => marker.Target).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(
                unreviewed,
                Is.Empty,
                $"{id} breaks the release still running during a rolling deployment. Split it into expand and contract " +
                "(docs/guides/zero-downtime-migrations.md), or, once reviewed, add " +
                "[ReviewedBreakingChange(\"<target>\", \"<why it is safe>\")] to the migration for each of these.");
            Assert.That(stale, Is.Empty, $"{id} has markers for changes it does not make: remove them.");
            Assert.That(unexplained, Is.Empty, $"{id} has markers without a reason.");
        });
    }

    [Test]
    public void Every_migration_is_checked()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.That(context.Database.GetMigrations(), Is.EquivalentTo(Migrations().Select(data => data.Arguments[0])));
        Assert.That(Migrations().Count(), Is.GreaterThan(0));
    }
}
