using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.IntegrationTests.Support;
#if (IncludeProducts)
using QuoinApi.Application.Products.CreateProduct;
#endif
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Persistence;

/// <summary>
/// The command transaction on PostgreSQL (ADR 0015): a command is one batch, which PostgreSQL runs as one implicit
/// transaction; an explicit transaction only when something must hold until the commit (the idempotency claim's lock)
/// or EF Core splits the save into several batches.
/// </summary>
public sealed class CommandTransactionTests : IntegrationTestBase
{
    [Test]
    public async Task A_command_writes_in_one_top_level_transaction_not_in_a_savepoint()
    {
        var tenant = await CreateTenantAsync();

        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), tenant));

        // The audit row's tx_id is the writing transaction's id (pg_current_xact_id()). Rows written in one transaction
        // carry its id as their xmin; a row written inside a savepoint, as EF Core's automatic savepoints would place the
        // batch, has a subtransaction's id.
        var writtenByTheTransactionItself = await Database.ScalarAsync<bool>(
            "SELECT k.xmin::text::bigint = a.tx_id::text::bigint % 4294967296 " +
            "FROM api_keys k JOIN audit_log a ON a.resource_id = k.id::text WHERE k.id = $1", key.Id);
        Assert.That(writtenByTheTransactionItself, Is.True);
    }

    [Test]
    public async Task A_command_without_an_idempotency_key_is_one_batch_and_no_explicit_transaction()
    {
        var tenant = await CreateTenantAsync();
        using var recorder = new EfCoreEvents();

        ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), tenant));

        Assert.Multiple(() =>
        {
            Assert.That(recorder.WriteBatches, Is.EqualTo(1), "the key and its audit entry (and its event) in one batch");
            Assert.That(recorder.TransactionsStarted, Is.Zero, "no BEGIN: the batch is PostgreSQL's implicit transaction");
            Assert.That(recorder.TransactionsCommitted, Is.Zero, "no COMMIT round trip");
        });
    }

    [Test]
    public async Task A_command_that_updates_a_row_keeps_its_transaction_because_the_row_check_comes_after_the_batch()
    {
        var tenant = await CreateTenantAsync();
        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), tenant));
        using var recorder = new EfCoreEvents();

        // The rotation inserts the replacement and updates the old key, whose version EF Core checks once the batch
        // has run: without a transaction, a lost check would leave the replacement committed (ApiKeyRotationTests).
        ResultAssert.Succeeded(await SendAsync(new RotateApiKeyCommand(key.Id, null), tenant));

        Assert.Multiple(() =>
        {
            Assert.That(recorder.WriteBatches, Is.EqualTo(1));
            Assert.That(recorder.TransactionsStarted, Is.EqualTo(1));
            Assert.That(recorder.TransactionsCommitted, Is.EqualTo(1));
        });
    }

#if (IncludeProducts)
    [Test]
    public async Task A_batch_the_database_refuses_leaves_nothing_behind()
    {
        var tenant = await CreateTenantAsync();
        var product = new CreateProductCommand("SKU-1", "Widget", null, 12.50m, "EUR", null);
        ResultAssert.Succeeded(await SendAsync(product, tenant));
#if (IncludeEvents)
        const string Written = "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM audit_log) * 1000 + (SELECT count(*) FROM events) * 1000000";
#else
        const string Written = "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM audit_log) * 1000";
#endif
        var before = await Database.ScalarAsync<long>(Written);

        // Same sku: the product insert fails inside the batch, which also holds the audit entry and the event.
        ResultAssert.Failed(await SendAsync(product, tenant), ErrorKind.Conflict, "product.sku_in_use");

        Assert.That(await Database.ScalarAsync<long>(Written), Is.EqualTo(before), "no product, audit entry or event of the refused create");
    }

#endif
    [Test]
    public async Task An_idempotency_claim_starts_the_explicit_transaction_that_holds_its_lock_until_the_commit()
    {
        var tenant = await CreateTenantAsync();
        using var recorder = new EfCoreEvents();

        ResultAssert.Succeeded(await SendWithKeyAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), "key-1", tenant));

        Assert.Multiple(() =>
        {
            Assert.That(recorder.TransactionsStarted, Is.EqualTo(1));
            Assert.That(recorder.TransactionsCommitted, Is.EqualTo(1));
            Assert.That(recorder.WriteBatches, Is.EqualTo(1), "the effects and the idempotency record in one batch");
        });
    }

    [Test]
    public async Task A_save_split_into_several_batches_gets_a_transaction_around_them_all()
    {
        var tenant = await CreateTenantAsync();
        const int entries = 1_001; // one more than a batch holds (Npgsql's default MaxBatchSize)
        using var recorder = new EfCoreEvents();

        await AsCallerAsync(tenant, async services =>
        {
            var transactions = services.GetRequiredService<ITransactionManager>();
            var audit = services.GetRequiredService<IAuditTrail>();
            await using var transaction = await transactions.BeginAsync(CancellationToken.None);
            for (var i = 0; i < entries; i++)
            {
                await audit.AppendAsync(
                    new AuditRecord(tenant, "test-actor", "test.bulk", "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditRecord.Success, null, null, "{}"),
                    CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
            return 0;
        });

        Assert.Multiple(async () =>
        {
            Assert.That(recorder.WriteBatches, Is.EqualTo(2));
            Assert.That(recorder.TransactionsStarted, Is.EqualTo(1), "two batches are not atomic on their own");
            Assert.That(recorder.TransactionsCommitted, Is.EqualTo(1));
            Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'test.bulk'"), Is.EqualTo(entries));
        });
    }
}
