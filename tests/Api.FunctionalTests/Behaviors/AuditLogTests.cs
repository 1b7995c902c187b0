using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Behaviors;

/// <summary>
/// The tamper-evident audit log: entries for every state change and denial, a verifiable hash chain, no secrets. The
/// changes are API keys', which every solution the template generates has.
/// </summary>
public sealed class AuditLogTests : FunctionalTestBase
{
    private static async Task<string> CreateKeyAsync(HttpClient client, string name, string scope = "audit:read") =>
        (await client.PostJsonAsync("/api/v2/api-keys", new { name, scopes = new[] { scope } })).Body["id"]!.GetValue<string>();

    private static async Task<List<System.Text.Json.Nodes.JsonNode>> EntriesAsync(HttpClient client, string query = "")
    {
        await client.WaitForAuditSealingAsync();
        var body = await (await client.GetAsync("/api/v2/audit-log?pageSize=100" + query)).JsonAsync();
        return [.. body["items"]!.AsArray().Select(i => i!)];
    }

    [Test]
    public async Task State_changes_are_logged_with_actor_action_resource_and_request_id()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/api-keys")
        {
            Content = JsonContent.Create(new { name = "AUD-1", scopes = new[] { "audit:read" } }),
        };
        request.Headers.Add("X-Request-Id", "req-audit-1");
        var created = await (await tenant.Http.SendAsync(request)).JsonAsync();
        var id = created["id"]!.GetValue<string>();
        await tenant.Http.DeleteAsync($"/api/v2/api-keys/{id}");

        var entries = await EntriesAsync(tenant.Http);

        var create = entries.Single(e => e["action"]!.GetValue<string>() == "api_key.create");
        Assert.That(create["resourceType"]!.GetValue<string>(), Is.EqualTo("api_key"));
        Assert.That(create["resourceId"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(create["actor"]!.GetValue<string>(), Is.EqualTo("key:" + tenant.OwnerKeyId));
        Assert.That(create["outcome"]!.GetValue<string>(), Is.EqualTo("success"));
        Assert.That(create["requestId"]!.GetValue<string>(), Is.EqualTo("req-audit-1"));
        Assert.That(create["traceId"]!.GetValue<string>(), Has.Length.EqualTo(32));
        Assert.That(create["changes"]!.GetValue<string>(), Does.Contain("AUD-1"));
        Assert.That(entries.Select(e => e["action"]!.GetValue<string>()), Does.Contain("api_key.revoke"));
        Assert.That(entries.Select(e => e["sequence"]!.GetValue<long>()), Is.Ordered.Descending, "Newest first.");
    }

    [Test]
    public async Task A_client_can_recompute_every_hash_from_the_listed_entries()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeyAsync(tenant.Http, "RECOMPUTE-1 line one\nline \\two");
        await CreateKeyAsync(tenant.Http, "RECOMPUTE-2");

        var entries = (await EntriesAsync(tenant.Http)).OrderBy(e => e["sequence"]!.GetValue<long>()).ToList();

        // The documented canonical form (docs/guides/idempotency-and-audit.md), computed without any server code.
        static string Escape(System.Text.Json.Nodes.JsonNode? value) =>
            value is null ? "\\0" : value.GetValue<string>().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var previous = Array.Empty<byte>();
        foreach (var entry in entries)
        {
            var canonical = string.Join('\n',
                tenant.TenantId.ToString("N"), entry["sequence"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture),
                entry["occurredAt"]!.GetValue<string>(), Escape(entry["actor"]), Escape(entry["action"]), Escape(entry["resourceType"]),
                Escape(entry["resourceId"]), Escape(entry["outcome"]), Escape(entry["requestId"]), Escape(entry["traceId"]), Escape(entry["changes"]));
            var expected = System.Security.Cryptography.SHA256.HashData([.. previous, .. System.Text.Encoding.UTF8.GetBytes(canonical)]);

            Assert.That(entry["previousHash"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(previous)));
            Assert.That(entry["hash"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(expected)));
            previous = expected;
        }

        Assert.That(entries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_scope_denial_is_logged()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var reader = (await tenant.Http.PostJsonAsync("/api/v2/api-keys", new { name = "ro", scopes = new[] { "audit:read" } })).Body["key"]!.GetValue<string>();
        using var readOnly = Factory.CreateClient(reader);

        var denied = await readOnly.PostAsJsonAsync("/api/v2/api-keys", new { name = "nope", scopes = new[] { "audit:read" } });
        var escalation = await tenant.Http.PostJsonAsync("/api/v2/api-keys", new { name = "x", scopes = new[] { "audit:read" } });
        using var limitedManager = Factory.CreateClient((await tenant.Http.PostJsonAsync("/api/v2/api-keys",
            new { name = "mgr", scopes = new[] { "keys:manage" } })).Body["key"]!.GetValue<string>());
        var handlerDenial = await limitedManager.PostAsJsonAsync("/api/v2/api-keys", new { name = "more", scopes = new[] { "audit:read" } });

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(escalation.Response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(handlerDenial.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var entries = await EntriesAsync(tenant.Http, "&action=authorization.denied");
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(entries[0]["outcome"]!.GetValue<string>(), Is.EqualTo("denied"));
        Assert.That(entries[0]["resourceId"]!.GetValue<string>(), Does.Contain("POST"));
        var keyDenials = await EntriesAsync(tenant.Http, "&action=api_key.create");
        Assert.That(keyDenials.Select(e => e["outcome"]!.GetValue<string>()), Does.Contain("denied"), "Handler-level denials too.");
    }

    [Test]
    public async Task Secrets_never_reach_the_audit_log()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostJsonAsync("/api/v2/api-keys", new { name = "secretive", scopes = new[] { "audit:read" } });
        var keyId = created.Body["id"]!.GetValue<string>();
        var rotated = await tenant.Http.PostJsonAsync($"/api/v2/api-keys/{keyId}/rotate", new { gracePeriodSeconds = 60 });

        var everything = await Factory.Database.ScalarAsync<string>("SELECT string_agg(row_to_json(a)::text, '') FROM audit_log a");

        Assert.That(everything, Does.Not.Contain(created.Body["key"]!.GetValue<string>()));
        Assert.That(everything, Does.Not.Contain(rotated.Body["key"]!.GetValue<string>()));
        Assert.That(everything, Does.Not.Contain(tenant.OwnerKey), "The owner key from tenant creation neither.");
        Assert.That(everything, Does.Contain("api_key.rotate"));
    }

    [Test]
    public async Task A_failed_command_leaves_no_entry_claiming_success()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeyAsync(tenant.Http, "FIRST");

        var invalid = await tenant.Http.PostAsJsonAsync("/api/v2/api-keys", new { name = " ", scopes = new[] { "audit:read" } });
        var unknownScope = await tenant.Http.PostAsJsonAsync("/api/v2/api-keys", new { name = "x", scopes = new[] { "audit:write" } });

        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknownScope.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var creates = await EntriesAsync(tenant.Http, "&action=api_key.create");
        Assert.That(creates, Has.Count.EqualTo(1), "Only the create that committed.");
    }

#if (IncludeProducts)
    [Test]
    public async Task A_failed_product_command_leaves_no_entry_claiming_success()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductV2Async("DUP");

        var conflict = await tenant.Http.PostAsJsonAsync("/api/v2/products", new { sku = "DUP", name = "x", price = new { amountMinor = 1, currency = "EUR" } });
        var invalid = await tenant.Http.PostAsJsonAsync("/api/v2/products", new { sku = "bad sku", name = "x", price = new { amountMinor = 1, currency = "EUR" } });

        Assert.That(conflict.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var creates = await EntriesAsync(tenant.Http, "&action=product.create");
        Assert.That(creates, Has.Count.EqualTo(1), "Only the create that committed.");
    }

#endif
    [Test]
    public async Task Verify_reports_a_valid_chain_and_then_the_first_row_altered_by_hand()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            await CreateKeyAsync(tenant.Http, $"CHAIN-{i}");
        }

        var valid = await tenant.Http.WaitForAuditSealingAsync();
        await Factory.Database.ScalarAsync<int>(
            "UPDATE audit_log SET changes = replace(changes, 'CHAIN-2', 'FORGED') WHERE tenant_id = $1 AND sequence = 3 RETURNING 1", tenant.TenantId);
        var broken = await (await tenant.Http.GetAsync("/api/v2/audit-log/verify")).JsonAsync();

        Assert.That(valid["valid"]!.GetValue<bool>(), Is.True);
        Assert.That(valid["entries"]!.GetValue<long>(), Is.EqualTo(5));
        Assert.That(valid["firstInvalidSequence"], Is.Null);
        Assert.That(broken["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(broken["firstInvalidSequence"]!.GetValue<long>(), Is.EqualTo(3));
    }

    [Test]
    public async Task Verify_notices_a_deleted_row()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 4; i++)
        {
            await CreateKeyAsync(tenant.Http, $"GAP-{i}");
        }

        await tenant.Http.WaitForAuditSealingAsync();
        await Factory.Database.ScalarAsync<int>("DELETE FROM audit_log WHERE tenant_id = $1 AND sequence = 2 RETURNING 1", tenant.TenantId);
        var broken = await (await tenant.Http.GetAsync("/api/v2/audit-log/verify")).JsonAsync();

        Assert.That(broken["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(broken["firstInvalidSequence"]!.GetValue<long>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Tenants_see_only_their_own_chain_and_need_audit_read()
    {
        using var a = await Factory.CreateTenantAsync("A");
        using var b = await Factory.CreateTenantAsync("B");
        var id = await CreateKeyAsync(a.Http, "ONLY-A");
        var noAudit = (await a.Http.PostJsonAsync("/api/v2/api-keys", new { name = "p", scopes = new[] { "keys:manage" } })).Body["key"]!.GetValue<string>();
        using var withoutScope = Factory.CreateClient(noAudit);

        var seenByB = await EntriesAsync(b.Http, $"&resourceId={id}");
        var forbidden = await withoutScope.GetAsync("/api/v2/audit-log");

        Assert.That(seenByB, Is.Empty);
        Assert.That((await EntriesAsync(a.Http, $"&resourceId={id}")), Has.Count.EqualTo(1));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Time_range_filters_apply_and_bad_ranges_are_400()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeyAsync(tenant.Http, "EARLY");
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        var cut = Uri.EscapeDataString(Factory.Clock.GetUtcNow().ToString("O"));
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        await CreateKeyAsync(tenant.Http, "LATE");

        var late = await EntriesAsync(tenant.Http, $"&from={cut}&action=api_key.create");
        var bad = await tenant.Http.GetAsync($"/api/v2/audit-log?from={cut}&to={cut}");

        Assert.That(late, Has.Count.EqualTo(1));
        Assert.That(late[0]["changes"]!.GetValue<string>(), Does.Contain("LATE"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
