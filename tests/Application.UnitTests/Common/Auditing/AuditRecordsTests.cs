using System.Diagnostics;
using System.Text.Json.Nodes;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Auditing;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;
#if (IncludeProducts)
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Application.Products.RestoreProduct;
#endif
using QuoinApi.Application.Tenants;
#if (IncludeRatePlans)
using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
#endif
using QuoinApi.Application.Tenants.CreateTenant;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Common.Auditing;

public sealed class AuditRecordsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

#if (IncludeProducts)
    [TestCase(typeof(CreateProductCommand), "product", "product.create")]
    [TestCase(typeof(ReplaceProductCommand), "product", "product.replace")]
    [TestCase(typeof(PatchProductCommand), "product", "product.patch")]
    [TestCase(typeof(DeleteProductCommand), "product", "product.delete")]
    [TestCase(typeof(RestoreProductCommand), "product", "product.restore")]
#endif
    [TestCase(typeof(CreateTenantCommand), "tenant", "tenant.create")]
#if (IncludeRatePlans)
    [TestCase(typeof(ChangeTenantRatePlanCommand), "tenant", "tenant.change_rate_plan")]
#endif
    [TestCase(typeof(DeleteTenantCommand), "tenant", "tenant.delete")]
    [TestCase(typeof(CreateApiKeyCommand), "api_key", "api_key.create")]
    [TestCase(typeof(RotateApiKeyCommand), "api_key", "api_key.rotate")]
    [TestCase(typeof(RevokeApiKeyCommand), "api_key", "api_key.revoke")]
    public void The_action_comes_from_the_feature_folder_and_the_command_name(Type command, string resourceType, string action) =>
        Assert.That(AuditRecords.ActionOf(command), Is.EqualTo((resourceType, action)));

    [Test]
    public void Every_command_has_a_snake_case_action_on_its_own_resource_type()
    {
        var commands = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICommandBase).IsAssignableFrom(t))
            .ToList();
        Assert.That(commands, Is.Not.Empty);

        using (Assert.EnterMultipleScope())
        {
            foreach (var command in commands)
            {
                var (resourceType, action) = AuditRecords.ActionOf(command);
                Assert.That(resourceType, Does.Match("^[a-z]+(_[a-z]+)*$"), command.Name);
                Assert.That(action, Does.Match("^[a-z]+(_[a-z]+)*\\.[a-z]+(_[a-z]+)*$"), command.Name);
                Assert.That(action, Does.StartWith(resourceType + "."), command.Name);
            }
        }
    }

    [Test]
    public void The_summary_is_the_commands_members_as_compact_camel_case_json()
    {
        var summary = AuditRecords.Summarize(new CreateApiKeyCommand("CI deploy", [Scopes.AuditRead, Scopes.KeysManage], null));

        Assert.That(summary, Is.EqualTo("""{"name":"CI deploy","scopes":["audit:read","keys:manage"],"expiresAt":null}"""));
    }

    [Test]
    public void The_summary_leaves_out_the_id_and_the_precondition()
    {
        var id = Guid.CreateVersion7();

        using (Assert.EnterMultipleScope())
        {
#if (IncludeProducts)
            Assert.That(AuditRecords.Summarize(new DeleteProductCommand(id, IfMatch.For(3))), Is.EqualTo("{}"));
#endif
#if (IncludeRatePlans)
            Assert.That(AuditRecords.Summarize(new ChangeTenantRatePlanCommand(id, RatePlan.Pro)), Is.EqualTo("""{"ratePlan":1}"""));
#endif
            Assert.That(AuditRecords.Summarize(new RotateApiKeyCommand(id, 3600)), Is.EqualTo("""{"gracePeriodSeconds":3600}"""));
#if (IncludeProducts)
            Assert.That(JsonNode.Parse(AuditRecords.Summarize(new PatchProductCommand(id, new ProductPatch { Name = "Gadget" }, IfMatch.Wildcard)))!
                .AsObject().Select(p => p.Key), Is.EqualTo(new[] { "patch" }));
#endif
        }
    }

    public sealed record Credentials(string Label, string Password, string Key);

    public sealed record SecretProbe(
        string Name,
        string Secret,
        string ClientSecret,
        string Password,
        string SecretHash,
        string Token,
        string RefreshToken,
        string Key,
        string ApiKey,
        string Signature,
        string KeyName,
        string Description,
        Credentials Inner,
        Credentials ApiKeyCredentials,
        IReadOnlyList<Credentials> Items,
        IReadOnlyList<IReadOnlyList<Credentials>> Nested,
        IReadOnlyList<string> Tags);

    [Test]
    public void Members_whose_names_look_secret_are_redacted_at_any_depth_and_others_kept()
    {
        var probe = new SecretProbe(
            "CI", "s1", "s2", "p1", "h1", "t1", "t2", "k1", "qk_live_x", "sig", "deploy", "plain",
            new Credentials("inner", "p2", "k2"),
            new Credentials("whole", "p3", "k3"),
            [new Credentials("first", "p4", "k4"), new Credentials("second", "p5", "k5")],
            [[new Credentials("deep", "p6", "k6")]],
            ["tools"]);

        var summary = AuditRecords.Summarize(probe);

        var node = JsonNode.Parse(summary)!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            foreach (var name in new[] { "secret", "clientSecret", "password", "secretHash", "token", "refreshToken", "key", "apiKey", "signature", "apiKeyCredentials" })
            {
                Assert.That(node[name]!.GetValue<string>(), Is.EqualTo(AuditRecords.Redacted), name);
            }

            Assert.That(node["name"]!.GetValue<string>(), Is.EqualTo("CI"));
            Assert.That(node["keyName"]!.GetValue<string>(), Is.EqualTo("deploy"));
            Assert.That(node["description"]!.GetValue<string>(), Is.EqualTo("plain"));
            Assert.That(node["tags"]!.ToJsonString(), Is.EqualTo("""["tools"]"""));
            Assert.That(node["inner"]!.ToJsonString(), Is.EqualTo("""{"label":"inner","password":"[redacted]","key":"[redacted]"}"""));
            Assert.That(node["items"]!.ToJsonString(),
                Is.EqualTo("""[{"label":"first","password":"[redacted]","key":"[redacted]"},{"label":"second","password":"[redacted]","key":"[redacted]"}]"""));
            Assert.That(node["nested"]!.ToJsonString(), Is.EqualTo("""[[{"label":"deep","password":"[redacted]","key":"[redacted]"}]]"""));
        }

        foreach (var secret in new[] { "s1", "s2", "p1", "p2", "p3", "p4", "p5", "p6", "h1", "t1", "t2", "k1", "k2", "k3", "k4", "k5", "k6", "qk_live_x", "sig" })
        {
            Assert.That(summary, Does.Not.Contain($"\"{secret}\""), secret);
        }
    }

#if (IncludeProducts)
    [Test]
    public void A_patch_summary_keeps_only_the_members_the_patch_set_as_plain_values()
    {
        var command = new QuoinApi.Application.Products.PatchProduct.PatchProductCommand(
            Guid.NewGuid(), new QuoinApi.Application.Products.PatchProduct.ProductPatch { Name = "Renamed", Description = null });

        Assert.That(AuditRecords.Summarize(command), Is.EqualTo("""{"patch":{"name":"Renamed","description":null,"priceInMinorUnits":false}}"""));
    }

#endif
    [Test]
    public void A_rotation_is_recorded_against_the_rotated_key_not_its_replacement()
    {
        var rotated = Guid.NewGuid();
        var replacement = new QuoinApi.Application.ApiKeys.ApiKeyCreatedDto(Guid.NewGuid(), "ci", "qk_test_x", "qk_test_x", [], DateTimeOffset.UnixEpoch, null);

        var record = AuditRecords.Describe(new QuoinApi.Application.ApiKeys.RotateApiKey.RotateApiKeyCommand(rotated, 60), replacement,
            "success", new Fakes.FakePrincipal(), new QuoinApi.Application.Common.Abstractions.RequestContext());

        Assert.That(record.ResourceId, Is.EqualTo(rotated.ToString()));
    }

    [TestCase("secret")]
    [TestCase("clientSecret")]
    [TestCase("password")]
    [TestCase("passwordHash")]
    [TestCase("hash")]
    [TestCase("secretHash")]
    [TestCase("token")]
    [TestCase("pageToken")]
    [TestCase("key")]
    [TestCase("Key")]
    [TestCase("apiKey")]
    [TestCase("ApiKey")]
    [TestCase("ownerApiKey")]
    [TestCase("signature")]
    [TestCase("SIGNATURE")]
    [TestCase("signingKey")]
    [TestCase("privateKey")]
    [TestCase("keys")]
    [TestCase("credentials")]
    public void Secret_looking_names_are_sensitive(string name) => Assert.That(AuditRecords.IsSensitive(name), Is.True);

    [TestCase("name")]
    [TestCase("sku")]
    [TestCase("description")]
    [TestCase("price")]
    [TestCase("tags")]
    [TestCase("scopes")]
    [TestCase("expiresAt")]
    [TestCase("gracePeriodSeconds")]
#if (IncludeRatePlans)
    [TestCase("ratePlan")]
#endif
    [TestCase("keyName")]
    [TestCase("monkey")]
    public void Ordinary_names_are_not_sensitive(string name) => Assert.That(AuditRecords.IsSensitive(name), Is.False);

    private static FakePrincipal Principal(Guid? tenantId, string? actor) => new() { TenantId = tenantId, ActorId = actor };

    [Test]
    public void Describe_takes_the_tenant_and_actor_from_the_principal_and_the_resource_id_from_the_result()
    {
        var tenantId = Guid.CreateVersion7();
        var command = new CreateApiKeyCommand("CI", [Scopes.AuditRead], null);
        var result = new QuoinApi.Application.ApiKeys.ApiKeyCreatedDto(Guid.CreateVersion7(), "CI", "qk_live_secret", "qk_live_ab", [Scopes.AuditRead], At, null);

        var record = AuditRecords.Describe(command, result, AuditRecord.Success, Principal(tenantId, "key:0001"), new RequestContext { RequestId = "req-1" });

        Assert.That(record, Is.EqualTo(new AuditRecord(
            tenantId, "key:0001", "api_key.create", "api_key", result.Id.ToString(), AuditRecord.Success, "req-1", record.TraceId, AuditRecords.Summarize(command))));
    }

    [Test]
    public void Describe_falls_back_to_the_commands_id_without_a_result()
    {
#if (IncludeRatePlans)
        var command = new ChangeTenantRatePlanCommand(Guid.CreateVersion7(), RatePlan.Enterprise);
#else
        var command = new DeleteTenantCommand(Guid.CreateVersion7());
#endif

        var record = AuditRecords.Describe(command, null, AuditRecord.Denied, Principal(null, "key:admin"), new RequestContext());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.ResourceId, Is.EqualTo(command.Id.ToString()));
#if (IncludeRatePlans)
            Assert.That(record.Action, Is.EqualTo("tenant.change_rate_plan"));
#else
            Assert.That(record.Action, Is.EqualTo("tenant.delete"));
#endif
            Assert.That(record.ResourceType, Is.EqualTo("tenant"));
            Assert.That(record.Outcome, Is.EqualTo(AuditRecord.Denied));
            Assert.That(record.TenantId, Is.Null);
            Assert.That(record.RequestId, Is.Null);
        }
    }

    [Test]
    public void Describe_falls_back_to_the_commands_id_when_the_result_has_none()
    {
        var command = new RevokeApiKeyCommand(Guid.CreateVersion7());

        Assert.That(AuditRecords.Describe(command, Success.Value, AuditRecord.Success, Principal(null, "a"), new RequestContext()).ResourceId,
            Is.EqualTo(command.Id.ToString()));
#if (IncludeRatePlans)
        Assert.That(AuditRecords.Describe(command, new TenantDto(Guid.Empty, "x", RatePlan.Free, At, At), AuditRecord.Success, Principal(null, "a"), new RequestContext()).ResourceId,
#else
        Assert.That(AuditRecords.Describe(command, new TenantDto(Guid.Empty, "x", At, At), AuditRecord.Success, Principal(null, "a"), new RequestContext()).ResourceId,
#endif
            Is.EqualTo(command.Id.ToString()), "an empty id is no id");
    }

    [Test]
    public void Describe_without_any_id_has_no_resource_id()
    {
        var command = new CreateApiKeyCommand("CI", [Scopes.AuditRead], null);

        Assert.That(AuditRecords.Describe(command, null, AuditRecord.Denied, Principal(null, "a"), new RequestContext()).ResourceId, Is.Null);
    }

    [Test]
    public void An_anonymous_caller_is_recorded_as_anonymous()
    {
        var record = AuditRecords.Describe(new DeleteTenantCommand(Guid.CreateVersion7()), null, AuditRecord.Denied, Principal(null, null), new RequestContext());

        Assert.That(record.Actor, Is.EqualTo("anonymous"));
    }

    [Test]
    public void Describe_records_the_current_trace()
    {
        var command = new DeleteTenantCommand(Guid.CreateVersion7());
        var principal = Principal(null, "a");
        Assert.That(Activity.Current, Is.Null);
        Assert.That(AuditRecords.Describe(command, null, AuditRecord.Success, principal, new RequestContext()).TraceId, Is.Null);

        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.That(AuditRecords.Describe(command, null, AuditRecord.Success, principal, new RequestContext()).TraceId,
            Is.EqualTo(activity.TraceId.ToString()).And.Length.EqualTo(32));
    }
}
