using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Persistence;

/// <summary>
/// Who created a row and who last changed it (<c>AuditFieldsInterceptor</c>), on real PostgreSQL: a save that only adds
/// rows (which skips change detection before the stamps) and a save that changes a row it loaded unchanged (which
/// needs it) both stamp the command's caller.
/// </summary>
public sealed class AuditFieldsTests : IntegrationTestBase
{
    private const string Caller = "test-actor";

    [Test]
    public async Task A_created_row_names_its_caller_as_creator_and_last_changer()
    {
        var tenant = await CreateTenantAsync();

        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), tenant));

        Assert.That(await StampsAsync(key.Id), Is.EqualTo($"{Caller}|{Caller}"));
    }

    [Test]
    public async Task A_changed_row_names_its_caller_as_last_changer_and_keeps_its_creator()
    {
        var tenant = await CreateTenantAsync();
        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null), tenant));
        await Database.ExecuteAsync("UPDATE api_keys SET created_by = 'someone-else', updated_by = 'someone-else' WHERE id = $1", key.Id);

        ResultAssert.Succeeded(await SendAsync(new RevokeApiKeyCommand(key.Id), tenant));

        Assert.That(await StampsAsync(key.Id), Is.EqualTo($"someone-else|{Caller}"));
    }

    private static Task<string?> StampsAsync(Guid keyId) =>
        Database.ScalarAsync<string>("SELECT created_by || '|' || updated_by FROM api_keys WHERE id = $1", keyId);
}
