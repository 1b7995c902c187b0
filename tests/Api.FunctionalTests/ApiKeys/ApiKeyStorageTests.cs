using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.ApiKeys;

/// <summary>docs/http-contract.md#2-authentication-and-scopes: only a SHA-256 hash and a short display prefix of a key are stored.</summary>
public sealed class ApiKeyStorageTests : FunctionalTestBase
{
    [Test]
    public async Task Database_holds_no_plaintext_secret_only_its_sha256()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        var rotated = await (await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{created.Id}/rotate", new { gracePeriodSeconds = 60 }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var secrets = new Dictionary<Guid, string>
        {
            [tenant.OwnerKeyId] = tenant.OwnerKey,
            [created.Id] = created.Key,
            [rotated.Id()] = rotated.String("key"),
        };

        var rows = await Factory.Database.ScalarAsync<string>("select string_agg(row_to_json(k)::text, E'\\n') from api_keys k");
        var everything = await Factory.Database.ScalarAsync<string>(
            "select concat_ws(E'\\n', (select string_agg(row_to_json(t)::text, E'\\n') from tenants t), " +
#if (IncludeProducts)
            "(select string_agg(row_to_json(p)::text, E'\\n') from products p), " +
#endif
            "(select string_agg(row_to_json(a)::text, E'\\n') from audit_log a))");

        Assert.That(rows, Is.Not.Null.And.Not.Empty);
        foreach (var (id, secret) in secrets)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(rows, Does.Not.Contain(secret));
                Assert.That(rows, Does.Not.Contain(secret[12..]), "the secret part after the display prefix is stored");
                Assert.That(rows, Does.Not.Contain(secret[^20..]));
                Assert.That(everything ?? string.Empty, Does.Not.Contain(secret[12..]));
            }

            var storedHash = await Factory.Database.ScalarAsync<byte[]>("select secret_hash from api_keys where id = $1", id);
            Assert.That(storedHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), $"secret_hash of key {id}");
            var prefix = await Factory.Database.ScalarAsync<string>("select prefix from api_keys where id = $1", id) ?? "<none>";
            Assert.That(secret, Does.StartWith(prefix));
            Assert.That(prefix, Has.Length.LessThanOrEqualTo(16));
        }
    }

    [Test]
    public async Task Bootstrap_admin_key_is_stored_hashed()
    {
        var rows = await Factory.Database.ScalarAsync<string>("select string_agg(row_to_json(k)::text, E'\\n') from api_keys k");
        var storedHash = await Factory.Database.ScalarAsync<byte[]>("select secret_hash from api_keys where tenant_id is null");

        Assert.That(rows, Does.Not.Contain(QuoinApiFactory.AdminKey).And.Not.Contain(QuoinApiFactory.AdminKey[8..]));
        Assert.That(storedHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(QuoinApiFactory.AdminKey))));
    }
}
