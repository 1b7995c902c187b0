using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.ApiKeys;

/// <summary>docs/http-contract.md#api-keys: POST /api-keys/{id}/rotate issues a replacement; the old key works until its grace period ends.</summary>
public sealed class ApiKeyRotationTests : FunctionalTestBase
{
    [Test]
    public async Task Rotate_returns_201_with_a_new_key_and_both_work_until_the_grace_period_ends()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"], name: "deploy");
        using var oldClient = Factory.CreateClient(old.Key);
        await (await oldClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        var response = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 });

        var rotated = await response.AssertJsonAsync(HttpStatusCode.Created);
        var newKey = rotated.String("key");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rotated.Id(), Is.Not.EqualTo(old.Id));
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"{TestApi.ApiKeys}/{rotated.Id()}").IgnoreCase);
            Assert.That(newKey, Is.Not.EqualTo(old.Key).And.StartWith("qk_test_").And.Length.EqualTo(46));
            Assert.That(rotated.String("name"), Is.EqualTo("deploy"));
            Assert.That(rotated.Strings("scopes"), Is.EqualTo(new[] { "audit:read" }));
        }

        using var newClient = Factory.CreateClient(newKey);
        await (await oldClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
        await (await newClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        Factory.Clock.Advance(TimeSpan.FromSeconds(61));

        var refused = await oldClient.GetAsync(TestApi.AuditLog);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(refused.Headers.WwwAuthenticate, Is.Not.Empty);
        await (await newClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Old_key_shows_its_replacement_and_grace_end()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        var now = Factory.Clock.GetUtcNow();

        var rotated = await (await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 }))
            .AssertJsonAsync(HttpStatusCode.Created);

        var oldKey = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{old.Id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(oldKey.GetProperty("replacedByKeyId").GetGuid(), Is.EqualTo(rotated.Id()));
        Assert.That(oldKey.GetProperty("graceEndsAt").GetDateTimeOffset(), Is.EqualTo(now.AddSeconds(60)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [TestCase(null, TestName = "Rotate_without_a_body_uses_the_default_grace_of_86400_seconds")]
    [TestCase("{}", TestName = "Rotate_with_an_empty_object_uses_the_default_grace_of_86400_seconds")]
    public async Task Rotate_uses_the_default_grace_period(string? body)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var oldClient = Factory.CreateClient(old.Key);
        var now = Factory.Clock.GetUtcNow();

        var response = await tenant.Http.PostAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", body is null ? null : TestApi.RawJson(body));

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var oldKey = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{old.Id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(oldKey.GetProperty("graceEndsAt").GetDateTimeOffset(), Is.EqualTo(now.AddSeconds(86400)).Within(TimeSpan.FromMilliseconds(1)));

        Factory.Clock.Advance(TimeSpan.FromSeconds(86400 - 10));
        await (await oldClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
        Factory.Clock.Advance(TimeSpan.FromSeconds(20));
        await (await oldClient.GetAsync(TestApi.AuditLog)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Rotate_with_the_maximum_grace_of_604800_seconds_returns_201()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);

        var response = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 604800 });

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    [TestCase("{\"gracePeriodSeconds\":604801}", "gracePeriodSeconds", TestName = "Rotate_with_grace_over_604800_returns_400")]
    [TestCase("{\"gracePeriodSeconds\":-1}", "gracePeriodSeconds", TestName = "Rotate_with_negative_grace_returns_400")]
    [TestCase("{\"gracePeriodSeconds\":1.5}", "gracePeriodSeconds", TestName = "Rotate_with_fractional_grace_returns_400")]
    [TestCase("{\"gracePeriodSeconds\":\"60\"}", "gracePeriodSeconds", TestName = "Rotate_with_grace_as_string_returns_400")]
    [TestCase("{\"gracePeriodSeconds\":99999999999}", "gracePeriodSeconds", TestName = "Rotate_with_grace_overflowing_int_returns_400")]
    [TestCase("{\"grace\":60}", "grace", TestName = "Rotate_with_unknown_member_returns_400")]
    public async Task Rotate_with_invalid_body_returns_400_and_keeps_the_key(string body, string member)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);

        var response = await tenant.Http.PostAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", TestApi.RawJson(body));

        await response.AssertValidationProblemAsync(member);
        var oldKey = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{old.Id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(oldKey.TryGetProperty("replacedByKeyId", out _), Is.False);
    }

    [Test]
    public async Task Rotate_twice_returns_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        await (await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 }))
            .AssertStatusAsync(HttpStatusCode.Created);

        var again = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys where name = 'ci'"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_replacement_can_be_rotated_in_turn()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        var replacement = await (await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 0 }))
            .AssertJsonAsync(HttpStatusCode.Created);

        var again = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{replacement.Id()}/rotate", new { gracePeriodSeconds = 0 });

        await again.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task Rotate_with_zero_grace_refuses_the_old_key_at_once()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var oldClient = Factory.CreateClient(old.Key);
        await (await oldClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        await (await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 0 }))
            .AssertStatusAsync(HttpStatusCode.Created);

        await (await oldClient.GetAsync(TestApi.AuditLog)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Rotate_of_a_revoked_key_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        await (await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{old.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);

        var response = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Rotate_of_an_expired_key_returns_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var old = await tenant.Http.CreateApiKeyAsync(["audit:read"], expiresAt: Factory.Clock.GetUtcNow().AddMinutes(1));
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Rotate_of_unknown_key_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{Guid.CreateVersion7()}/rotate", new { gracePeriodSeconds = 60 });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
    [Test]
    public async Task Concurrent_rotations_of_one_key_issue_a_single_replacement()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var round = 0; round < 5; round++)
        {
            var name = $"racer-{round}";
            var old = await tenant.Http.CreateApiKeyAsync(["audit:read"], name: name);

            var responses = await Task.WhenAll(Enumerable.Range(0, 6)
                .Select(_ => tenant.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{old.Id}/rotate", new { gracePeriodSeconds = 60 })));

            Assert.That(responses.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 201, 409, 409, 409, 409, 409 }), $"round {round}");
            Assert.That(await Factory.Database.ScalarAsync<long>($"select count(*) from api_keys where name = '{name}'"), Is.EqualTo(2),
                "the old key and exactly one replacement");
        }
    }
}
