using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The migration state of the database, read without failed queries. On a fresh database EF Core probes its history
/// table by querying it and logs the failure as an error; checking the catalog first keeps a normal first start clean.
/// </summary>
internal static class MigrationState
{
    /// <summary>True when migrations are pending (always on a fresh database).</summary>
    public static async Task<bool> HasPendingAsync(DbContext db, CancellationToken cancellationToken) =>
        !await HistoryTableExistsAsync(db, cancellationToken)
        || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    /// <summary>Applies pending migrations; on a fresh database it creates the (empty) history table first.</summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!await HistoryTableExistsAsync(db, cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    private static Task<bool> HistoryTableExistsAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>(
                $"""
                SELECT EXISTS (SELECT 1 FROM information_schema.tables
                               WHERE table_schema = current_schema() AND table_name = {HistoryRepository.DefaultTableName}) AS "Value"
                """)
            .SingleAsync(cancellationToken);
}
