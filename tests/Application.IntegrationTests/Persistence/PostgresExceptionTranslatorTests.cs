using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Exceptions;

namespace QuoinApi.Application.IntegrationTests.Persistence;

/// <summary>Real PostgreSQL errors, translated into the failures the API answers with (docs/http-contract.md#errors).</summary>
public sealed class PostgresExceptionTranslatorTests : IntegrationTestBase
{
    private static IPersistenceExceptionTranslator Translator => IntegrationTestSetup.Services.GetRequiredService<IPersistenceExceptionTranslator>();

    private static PostgresException Fail(string sql, params object[] parameters) =>
        Assert.ThrowsAsync<PostgresException>(() => Database.ScalarAsync<object>(sql, parameters))!;

    /// <summary>An API key row with a fixed secret hash: a second live one breaks the unique hash index.</summary>
    private const string KeyInsert =
        "INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes, created_at, updated_at) " +
        "VALUES ($1, $2, 'CI', 'qk_live_abcd', decode(repeat('ab', 32), 'hex'), '{audit:read}', now(), now())";

    [Test]
    public async Task A_duplicate_of_a_unique_value_is_taken()
    {
        var tenant = await CreateTenantAsync();
        const string insert = KeyInsert;
        await Database.ScalarAsync<object>(insert, Guid.CreateVersion7(), tenant);

        var duplicate = Fail(insert, Guid.CreateVersion7(), tenant);

        Assert.That(Translator.Translate(duplicate), Is.EqualTo(PersistenceFailure.UniqueValueTaken));
        Assert.That(Translator.Translate(new UniqueConstraintException("ix", duplicate)), Is.EqualTo(PersistenceFailure.UniqueValueTaken));
    }

    [Test]
    public void A_row_that_refers_to_no_tenant_is_a_missing_reference()
    {
        var orphan = Fail(KeyInsert, Guid.CreateVersion7(), Guid.CreateVersion7());

        Assert.That(Translator.Translate(orphan), Is.EqualTo(PersistenceFailure.ReferencedRowMissing));
    }

    [Test]
    public void Text_with_a_nul_character_cannot_be_stored()
    {
#if (IncludeRatePlans)
        var nul = Fail("INSERT INTO tenants (id, name, rate_plan, created_at, updated_at) VALUES ($1, $2, 'free', now(), now())",
            Guid.CreateVersion7(), "Ac\0me");
#else
        var nul = Fail("INSERT INTO tenants (id, name, created_at, updated_at) VALUES ($1, $2, now(), now())",
            Guid.CreateVersion7(), "Ac\0me");
#endif

        Assert.That(Translator.Translate(nul), Is.EqualTo(PersistenceFailure.TextNotStorable));
    }

    [Test]
    public async Task A_server_that_cannot_be_reached_is_unavailable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 1, Pooling = false };
        await using var connection = new NpgsqlConnection(unreachable.ConnectionString);

        var failure = Assert.CatchAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.That(Translator.Translate(failure!), Is.EqualTo(PersistenceFailure.StoreUnavailable));
        Assert.That(Translator.Translate(new TimeoutException()), Is.EqualTo(PersistenceFailure.StoreUnavailable));
    }

    [Test]
    public void A_failure_is_found_under_the_exceptions_that_wrap_it()
    {
        var nul = Fail("SELECT $1::text", "\0");

        Assert.That(Translator.Translate(new InvalidOperationException("outer", new AggregateException(nul))), Is.EqualTo(PersistenceFailure.TextNotStorable));
        Assert.That(Translator.Translate(new ConcurrencyConflictException(new InvalidOperationException())), Is.EqualTo(PersistenceFailure.ConcurrentChange));
    }

    [Test]
    public void Exceptions_that_are_not_the_stores_are_not_translated()
    {
        Assert.That(Translator.Translate(new InvalidOperationException("a bug")), Is.Null);
        Assert.That(Translator.Translate(new ArgumentException("a bug", new FormatException())), Is.Null);
    }
}
