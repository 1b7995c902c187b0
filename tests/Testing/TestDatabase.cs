using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Infrastructure.Persistence;
using Respawn;

namespace QuoinApi.Testing;

/// <summary>
/// A real PostgreSQL database for one test project: recreated and migrated once per run, emptied with Respawn
/// between tests. Each test project uses its own database name, so projects can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private Respawner? _respawner;

    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        _dataSource = Named(connectionString, "quoinapi-tests");
    }

    public string ConnectionString { get; }

    /// <summary>The base connection string: <c>ConnectionStrings__Postgres</c>, else the cluster build/provision.sh starts.</summary>
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? "Host=127.0.0.1;Port=55432;Database=quoinapi;Username=quoinapi;Password=quoinapi";

    /// <summary>Redis for tests: <c>ConnectionStrings__Redis</c>, else the server build/provision.sh starts.</summary>
    public static string RedisConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:56379";

    public static async Task<TestDatabase> CreateAsync(string databaseName)
    {
        // A copy of the repository tested beside this one (the template tests) names its databases apart.
        databaseName += Environment.GetEnvironmentVariable("QUOIN_TEST_DATABASE_SUFFIX");
        var admin = new NpgsqlConnectionStringBuilder(BaseConnectionString) { Pooling = false };
        await using (var adminSource = Named(admin.ConnectionString, "quoinapi-tests-admin"))
        await using (var connection = await adminSource.OpenConnectionAsync())
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = databaseName, MaxPoolSize = 40 };
        var database = new TestDatabase(target.ConnectionString);
        await database.MigrateAsync();
        return database;
    }

#if (IncludeEvents)
    /// <summary>
    /// Empties every table but the migrations history. The API's background workers (audit sealer, outbox relay,
    /// webhook delivery) may be writing the same tables while it deletes; when PostgreSQL resolves such a race as a
    /// deadlock, the reset (which nothing else depends on yet) runs again.
    /// </summary>
#else
    /// <summary>
    /// Empties every table but the migrations history. The API's background workers (the audit sealer, the usage
    /// flusher) may be writing the same tables while it deletes; when PostgreSQL resolves such a race as a deadlock, the
    /// reset (which nothing else depends on yet) runs again.
    /// </summary>
#endif
    public async Task ResetAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync();
                _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
                {
                    DbAdapter = DbAdapter.Postgres,
                    SchemasToInclude = ["public"],
                    TablesToIgnore = ["__EFMigrationsHistory"],
                });
                await _respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(20 * attempt);
            }
        }
    }

    /// <summary>Runs raw SQL, for tests that inspect or tamper with rows as an operator could.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Named like the API's own pools, so /metrics in the test process carries no connection string either.</summary>
    private static NpgsqlDataSource Named(string connectionString, string name) =>
        new NpgsqlDataSourceBuilder(connectionString) { Name = name }.Build();

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    /// <summary>
    /// A context on this database with no caller and no interceptors: what tests use to migrate and to put rows in
    /// place exactly as given (timestamps included). Use it to write; its queries see what a caller without a tenant
    /// sees.
    /// </summary>
    public QuoinDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<QuoinDbContext>().UseNpgsql(_dataSource).Options);

    /// <summary>Runs a statement, for tests that change rows as an operator could (<see cref="ScalarAsync{T}"/> reads).</summary>
    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync();
    }

    private async Task MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }
}
