using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.GetApiKey;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Security;

namespace QuoinApi.Application.IntegrationTests.ApiKeys;

/// <summary>Issue, authenticate, rotate, revoke: handlers and the authenticator against real PostgreSQL.</summary>
public sealed class ApiKeyLifecycleTests : IntegrationTestBase
{
    private static async Task<ApiKeyCheck> AuthenticateAsync(string secret)
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        var (check, _) = await scope.ServiceProvider.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(secret, client: null, CancellationToken.None);
        return check;
    }

    private static async Task<(Guid Tenant, Application.ApiKeys.ApiKeyCreatedDto Key)> CreateKeyAsync(DateTimeOffset? expiresAt = null)
    {
        var tenant = await CreateTenantAsync();
        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", [Scopes.AuditRead], expiresAt), tenant));
        return (tenant, key);
    }

    [Test]
    public async Task The_table_holds_only_the_hash_and_the_prefix_never_the_secret()
    {
        var (_, key) = await CreateKeyAsync();

        var row = await Database.ScalarAsync<string>("SELECT string_agg(row_to_json(k)::text, '') FROM api_keys k");
        var storedHash = await Database.ScalarAsync<byte[]>("SELECT secret_hash FROM api_keys WHERE id = $1", key.Id);

        Assert.That(row, Does.Not.Contain(key.Key));
        Assert.That(row, Does.Not.Contain(key.Key[12..]), "Not even the random part.");
        Assert.That(storedHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))));
        Assert.That(key.Prefix, Is.EqualTo(key.Key[..12]));
    }

    [Test]
    public async Task A_new_key_authenticates_and_reads_never_expose_the_secret()
    {
        var (tenant, key) = await CreateKeyAsync();

        var fetched = await SendAsync(new GetApiKeyQuery(key.Id), tenant);

        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Valid));
        Assert.That(fetched.Value.Prefix, Is.EqualTo(key.Prefix));
        Assert.That(typeof(Application.ApiKeys.ApiKeyDto).GetProperties().Select(p => p.Name), Has.None.Contains("Secret").And.None.EqualTo("Key"));
    }

    [Test]
    public async Task Malformed_and_unknown_keys_are_refused()
    {
        var (_, key) = await CreateKeyAsync();
        var tampered = key.Key[..20] + (key.Key[20] == 'a' ? 'b' : 'a') + key.Key[21..];

        Assert.Multiple(async () =>
        {
            Assert.That(await AuthenticateAsync("qk_live_short"), Is.EqualTo(ApiKeyCheck.Malformed));
            Assert.That(await AuthenticateAsync(tampered), Is.EqualTo(ApiKeyCheck.Malformed), "The checksum catches a changed character.");
            Assert.That(await AuthenticateAsync("not-a-key-at-all-but-long-enough-0123456789"), Is.EqualTo(ApiKeyCheck.Malformed));
        });
    }

    [Test]
    public async Task Rotation_keeps_the_old_key_working_until_the_grace_period_ends()
    {
        var (tenant, key) = await CreateKeyAsync();

        var rotated = await SendAsync(new RotateApiKeyCommand(key.Id, GracePeriodSeconds: 60), tenant);

        ResultAssert.Succeeded(rotated);
        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Valid), "Old key during grace.");
        Assert.That(await AuthenticateAsync(rotated.Value.Key), Is.EqualTo(ApiKeyCheck.Valid), "New key at once.");

        Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Invalid), "Old key after grace.");
        Assert.That(await AuthenticateAsync(rotated.Value.Key), Is.EqualTo(ApiKeyCheck.Valid));
        Assert.That(rotated.Value.Scopes, Is.EqualTo(key.Scopes));
    }

    [Test]
    public async Task Revocation_takes_effect_at_once_even_for_a_cached_key()
    {
        var (tenant, key) = await CreateKeyAsync();
        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Valid), "Now cached.");

        var revoked = await SendAsync(new RevokeApiKeyCommand(key.Id), tenant);

        ResultAssert.Succeeded(revoked);
        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Invalid));
        ResultAssert.Failed(await SendAsync(new GetApiKeyQuery(key.Id), tenant), ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task An_expired_key_is_refused()
    {
        var (_, key) = await CreateKeyAsync(expiresAt: Clock.GetUtcNow().AddMinutes(1));
        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Valid));

        Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Invalid));
    }

    [Test]
    public async Task Keys_of_a_deleted_tenant_stop_working()
    {
        var (tenant, key) = await CreateKeyAsync();
        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Valid));

        var deleted = await SendAsync(new DeleteTenantCommand(tenant));

        ResultAssert.Succeeded(deleted);
        Assert.That(await AuthenticateAsync(key.Key), Is.EqualTo(ApiKeyCheck.Invalid));
    }

    [Test]
    public async Task Last_used_is_written_at_most_once_a_minute()
    {
        var (_, key) = await CreateKeyAsync();
        const string sql = "SELECT last_used_at FROM api_keys WHERE id = $1";

        await AuthenticateAsync(key.Key);
        var first = await Database.ScalarAsync<DateTime?>(sql, key.Id);
        Clock.Advance(TimeSpan.FromSeconds(30));
        await AuthenticateAsync(key.Key);
        var afterHalfAMinute = await Database.ScalarAsync<DateTime?>(sql, key.Id);
        Clock.Advance(TimeSpan.FromSeconds(31));
        await AuthenticateAsync(key.Key);
        var afterAMinute = await Database.ScalarAsync<DateTime?>(sql, key.Id);

        Assert.That(first, Is.Not.Null);
        Assert.That(afterHalfAMinute, Is.EqualTo(first));
        Assert.That(afterAMinute, Is.GreaterThan(first));
    }

    [Test]
    public async Task A_tenant_lists_only_its_own_keys()
    {
        var (tenantA, keyA) = await CreateKeyAsync();
        var (tenantB, _) = await CreateKeyAsync();

        var listA = await SendAsync(new ListApiKeysQuery(), tenantA);
        var foreign = await SendAsync(new GetApiKeyQuery(keyA.Id), tenantB);

        Assert.That(listA.Value.Items.Select(k => k.Id), Does.Contain(keyA.Id));
        Assert.That(listA.Value.Items, Has.Count.EqualTo(2), "The owner key and the new key, nothing of tenant B.");
        ResultAssert.Failed(foreign, ErrorKind.NotFound, "api_key.not_found");
    }
}
