using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Persistence;

/// <summary>The command transaction on PostgreSQL (ADR 0015): one top-level transaction, one batch, one commit.</summary>
public sealed class CommandTransactionTests : IntegrationTestBase
{
    [Test]
    public async Task A_command_writes_in_its_own_transaction_not_in_a_savepoint()
    {
        var tenant = await CreateTenantAsync();

        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), tenant));

        // The audit row's tx_id is the top-level transaction's id (pg_current_xact_id()). A row written inside a
        // savepoint, as EF Core's automatic savepoints would place the batch, has a subtransaction's id as its xmin:
        // two extra round trips per command and subtransaction bookkeeping in PostgreSQL.
        var writtenByTheTransactionItself = await Database.ScalarAsync<bool>(
            "SELECT k.xmin::text::bigint = a.tx_id::text::bigint % 4294967296 " +
            "FROM api_keys k JOIN audit_log a ON a.resource_id = k.id::text WHERE k.id = $1", key.Id);
        Assert.That(writtenByTheTransactionItself, Is.True);
    }
}
