using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Webhooks;

/// <summary>
/// Webhooks end to end, with real HTTP receivers on loopback (Webhooks:AllowPrivateNetworks=true here): what is
/// delivered, how it is signed, retried, given up, replayed and disabled. Retries fall due by moving the fake clock.
/// The events are API keys' revocations (<c>api_key.revoked</c>): every solution the template generates raises them, and
/// only a test's own action does (the owner key's <c>api_key.created</c> may still be on its way when a test subscribes).
/// </summary>
public sealed class WebhookDeliveryTests : FunctionalTestBase
{
    /// <summary>Creates a key of the tenant's and revokes it: one <c>api_key.revoked</c> event. Returns the key's id.</summary>
    private static async Task<Guid> RevokeANewKeyAsync(TenantClient tenant, string name)
    {
        var key = await tenant.Http.CreateApiKeyAsync(["audit:read"], name: name);
        (await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{key.Id}")).EnsureSuccessStatusCode();
        return key.Id;
    }

    /// <summary>What every delivered event carries: a POST signed once with the subscription's secret, the envelope's
    /// id, type, tenant and time, and a current <c>webhook-timestamp</c>.</summary>
    private static void AssertSignedEnvelope(ReceivedWebhook received, string secret, TenantClient tenant, string type)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret, Does.StartWith("whsec_"));
            Assert.That(received.Method, Is.EqualTo("POST"));
            Assert.That(received.IsSignedWith(secret), Is.True, "the signature verifies with the subscription's secret");
            Assert.That(received.Signatures, Has.Count.EqualTo(1));
            Assert.That(received.Envelope["id"]!.GetValue<string>(), Is.EqualTo(received.WebhookId));
            Assert.That(received.Type, Is.EqualTo(type));
            Assert.That(received.Envelope["tenantId"]!.GetValue<string>(), Is.EqualTo(tenant.TenantId.ToString()));
            Assert.That(received.Envelope["occurredAt"]!.GetValue<string>(), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(long.Parse(received.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(Factory.Clock.GetUtcNow().ToUnixTimeSeconds()).Within(5));
        }
    }

    /// <summary>The subscription's delivery record for <paramref name="received"/>: succeeded at the first attempt.</summary>
    private static async Task AssertDeliveredOnFirstAttemptAsync(TenantClient tenant, Guid webhookId, ReceivedWebhook received)
    {
        var delivery = await tenant.Http.WaitForDeliveryAsync(webhookId, d => d.String("status") == "succeeded");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivery.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(delivery.GetProperty("responseStatusCode").GetInt32(), Is.EqualTo(200));
            Assert.That(delivery.GetProperty("durationMs").GetInt32(), Is.GreaterThanOrEqualTo(0));
            Assert.That(delivery.String("eventId"), Is.EqualTo(received.WebhookId));
        }
    }

    [Test]
    public async Task A_revoked_key_is_delivered_signed_with_the_secret_in_the_envelope()
    {
        using var receiver = new WebhookReceiver();
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["api_key.revoked"]);
        var secret = webhook.String("secret");

        var keyId = await RevokeANewKeyAsync(tenant, "HOOK-1");
        var received = (await receiver.WaitForAsync(1)).Single();

        using (Assert.EnterMultipleScope())
        {
            AssertSignedEnvelope(received, secret, tenant, "api_key.revoked");
            Assert.That(received.Envelope["data"]!["id"]!.GetValue<string>(), Is.EqualTo(keyId.ToString()));
            Assert.That(received.Envelope["data"]!["name"]!.GetValue<string>(), Is.EqualTo("HOOK-1"));
            Assert.That(received.Envelope["data"]!["revokedAt"]!.GetValue<string>(), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(received.Envelope["data"]!.AsObject().Select(member => member.Key), Has.None.EqualTo("key").And.None.EqualTo("secretHash"),
                "never the key's secret or its hash");
        }

        await AssertDeliveredOnFirstAttemptAsync(tenant, webhook.Id(), received);
    }

#if (IncludeProducts)
    [Test]
    public async Task A_new_product_is_delivered_signed_with_the_secret_in_the_envelope_with_its_v2_representation()
    {
        using var receiver = new WebhookReceiver();
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["product.created"]);
        var secret = webhook.String("secret");

        var (productId, _) = await tenant.Http.CreateProductV2Async("HOOK-1");
        var received = (await receiver.WaitForAsync(1)).Single();
        var product = JsonNode.Parse(await tenant.Http.GetStringAsync($"{TestApi.Products}/{productId}"))!;

        using (Assert.EnterMultipleScope())
        {
            AssertSignedEnvelope(received, secret, tenant, "product.created");
            Assert.That(JsonNode.DeepEquals(received.Envelope["data"], product), Is.True,
                $"the data is the v2 representation: {received.Envelope["data"]} vs {product}");
        }

        await AssertDeliveredOnFirstAttemptAsync(tenant, webhook.Id(), received);
    }

#endif
    [Test]
    public async Task During_a_secret_rotation_both_secrets_sign_and_afterwards_only_the_new_one()
    {
        using var receiver = new WebhookReceiver();
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["api_key.revoked"]);
        var oldSecret = webhook.String("secret");

        var rotation = await tenant.Http.PostAsJsonAsync($"{WebhookApi.Webhooks}/{webhook.Id()}/rotate-secret", new { gracePeriodSeconds = 3600 });
        var rotated = await rotation.AssertJsonAsync(HttpStatusCode.OK);
        var newSecret = rotated.String("secret");

        await tenant.Http.PingAndWaitForDeliveryAsync(webhook.Id());
        var during = (await receiver.WaitForAsync(1))[0];

        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await tenant.Http.PingAndWaitForDeliveryAsync(webhook.Id());
        var after = (await receiver.WaitForAsync(2))[1];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(newSecret, Does.StartWith("whsec_").And.Not.EqualTo(oldSecret));
            Assert.That(during.Type, Is.EqualTo("webhook.ping"));
            Assert.That(during.Signatures, Has.Count.EqualTo(2), "both secrets sign during the grace period");
            Assert.That(during.IsSignedWith(oldSecret), Is.True, "the old secret still verifies");
            Assert.That(during.IsSignedWith(newSecret), Is.True, "the new secret verifies");
            Assert.That(after.Signatures, Has.Count.EqualTo(1));
            Assert.That(after.IsSignedWith(newSecret), Is.True);
            Assert.That(after.IsSignedWith(oldSecret), Is.False, "the old secret stops signing when its grace period ends");
        }
    }

    [Test]
    public async Task A_failed_delivery_is_retried_on_the_schedule_until_it_succeeds()
    {
        using var receiver = new WebhookReceiver(500, 503);
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["api_key.revoked"]);

        await RevokeANewKeyAsync(tenant, "RETRY-1");
        await receiver.WaitForAsync(1);
        var failed = await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.GetProperty("attempts").GetInt32() == 1);
        var retryIn = failed.GetProperty("nextAttemptAt").GetDateTimeOffset() - failed.GetProperty("lastAttemptAt").GetDateTimeOffset();

        // Not due yet: nothing more arrives until the clock reaches the retry.
        await Task.Delay(500);
        Assert.That(receiver.Received, Has.Count.EqualTo(1));

        // Each retry falls due once the clock passes it; the clock moves only after the attempt's outcome is recorded.
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await receiver.WaitForAsync(2);
        await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.GetProperty("attempts").GetInt32() == 2);
        Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var received = await receiver.WaitForAsync(3);
        var delivered = await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.String("status") == "succeeded");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.String("status"), Is.EqualTo("pending"));
            Assert.That(failed.GetProperty("responseStatusCode").GetInt32(), Is.EqualTo(500));
            Assert.That(retryIn, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)), "the first retry comes within 30 s");
            Assert.That(received.Select(r => r.WebhookId).Distinct().Count(), Is.EqualTo(1), "every attempt carries the same webhook-id");
            Assert.That(delivered.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
            Assert.That(delivered.GetProperty("responseStatusCode").GetInt32(), Is.EqualTo(200));
        }
    }

    [Test]
    public async Task After_the_last_attempt_a_delivery_is_dead_until_replayed_and_the_replay_keeps_the_webhook_id()
    {
        using var receiver = new WebhookReceiver(500, 500, 500);
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["api_key.revoked"]);

        await RevokeANewKeyAsync(tenant, "DEAD-1");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await receiver.WaitForAsync(attempt);
            await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.GetProperty("attempts").GetInt32() == attempt);
            Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var dead = await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.String("status") == "dead");
        await Task.Delay(500);
        Assert.That(receiver.Received, Has.Count.EqualTo(3), "a dead delivery is not attempted again by itself");

        var replay = await (await tenant.Http.PostAsync($"{WebhookApi.Webhooks}/deliveries/{dead.Id()}/replay", null)).AssertJsonAsync(HttpStatusCode.Accepted);
        var received = await receiver.WaitForAsync(4);
        var delivered = await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.Id() == replay.Id() && d.String("status") == "succeeded");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dead.GetProperty("attempts").GetInt32(), Is.EqualTo(3), "the schedule (two retries here) then gives up");
            Assert.That(dead.TryGetProperty("nextAttemptAt", out _), Is.False);
            Assert.That(received[3].WebhookId, Is.EqualTo(received[0].WebhookId), "the replay keeps the webhook-id");
            Assert.That(replay.String("replayOf"), Is.EqualTo(dead.Id().ToString()));
            Assert.That(delivered.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_410_disables_the_subscription_and_nothing_more_is_sent_to_it()
    {
        using var receiver = new WebhookReceiver(410);
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["api_key.revoked"]);

        await RevokeANewKeyAsync(tenant, "GONE-1");
        await receiver.WaitForAsync(1);
        var dead = await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.String("status") == "dead");
        var subscription = await (await tenant.Http.GetAsync($"{WebhookApi.Webhooks}/{webhook.Id()}")).AssertJsonAsync(HttpStatusCode.OK);

        await RevokeANewKeyAsync(tenant, "GONE-2");
        await tenant.Http.WaitForAuditSealingAsync();
        await Task.Delay(500);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dead.GetProperty("responseStatusCode").GetInt32(), Is.EqualTo(410));
            Assert.That(subscription.GetProperty("enabled").GetBoolean(), Is.False);
            Assert.That(subscription.String("disabledReason"), Is.EqualTo("gone"));
            Assert.That(receiver.Received, Has.Count.EqualTo(1));
            Assert.That(await tenant.Http.DeliveriesAsync(webhook.Id()), Has.Count.EqualTo(1), "a disabled subscription gets no new deliveries");
        }
    }

    [Test]
    public async Task Only_subscribed_types_of_the_subscribers_own_tenant_are_delivered()
    {
        using var ownReceiver = new WebhookReceiver();
        using var otherReceiver = new WebhookReceiver();
        using var tenant = await Factory.CreateTenantAsync("Owner");
        using var other = await Factory.CreateTenantAsync("Other");
        var webhook = await tenant.Http.CreateWebhookAsync(ownReceiver.Url, ["api_key.revoked"]);
        var otherWebhook = await other.Http.CreateWebhookAsync(otherReceiver.Url, ["api_key.rotated", "api_key.revoked"]);

        await RevokeANewKeyAsync(tenant, "ONLY-1");
        var received = await ownReceiver.WaitForAsync(1);
        await Task.Delay(500);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ownReceiver.Received.Select(r => r.Type), Is.EqualTo(new[] { "api_key.revoked" }), "api_key.created was not subscribed");
            Assert.That(received[0].Envelope["data"]!["revokedAt"], Is.Not.Null);
            Assert.That(otherReceiver.Received, Is.Empty, "another tenant's subscription gets nothing of this tenant's");
            Assert.That(await other.Http.DeliveriesAsync(otherWebhook.Id()), Is.Empty);
            await (await other.Http.GetAsync($"{WebhookApi.Webhooks}/{webhook.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await other.Http.GetAsync($"{WebhookApi.Webhooks}/{webhook.Id()}/deliveries")).AssertProblemAsync(HttpStatusCode.NotFound);
            var delivery = (await tenant.Http.DeliveriesAsync(webhook.Id()))[0];
            await (await other.Http.PostAsync($"{WebhookApi.Webhooks}/deliveries/{delivery.Id()}/replay", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Test]
    public async Task Redirects_are_not_followed()
    {
        using var target = new WebhookReceiver();
        using var receiver = new WebhookReceiver(302) { RedirectTo = target.Url };
        using var tenant = await Factory.CreateTenantAsync();
        var webhook = await tenant.Http.CreateWebhookAsync(receiver.Url, ["api_key.revoked"]);

        await RevokeANewKeyAsync(tenant, "REDIRECT-1");
        await receiver.WaitForAsync(1);
        var delivery = await tenant.Http.WaitForDeliveryAsync(webhook.Id(), d => d.GetProperty("attempts").GetInt32() == 1);
        await Task.Delay(300);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.Received, Is.Empty, "the redirect's target is never called");
            Assert.That(delivery.String("status"), Is.EqualTo("pending"), "a 3xx is a failure, retried");
            Assert.That(delivery.GetProperty("responseStatusCode").GetInt32(), Is.EqualTo(302));
        }
    }

    [Test]
    public async Task Subscriptions_are_managed_and_secrets_are_never_shown_again()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.CreateWebhookAsync("https://example.com/hooks", ["api_key.created"]);
        var url = $"{WebhookApi.Webhooks}/{created.Id()}";

        var read = await (await tenant.Http.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK);
        var list = await (await tenant.Http.GetAsync(WebhookApi.Webhooks)).AssertJsonAsync(HttpStatusCode.OK);
        var patched = await (await tenant.Http.MergePatchAsync(url, """{"enabled":false,"events":["api_key.rotated","api_key.created"]}""")).AssertJsonAsync(HttpStatusCode.OK);
        var chosenSecret = await tenant.Http.PostAsJsonAsync(WebhookApi.Webhooks, new { url = "https://example.com/x", events = new[] { "api_key.created" }, secret = "whsec_mine" });
        var unknownType = await tenant.Http.PostAsJsonAsync(WebhookApi.Webhooks, new { url = "https://example.com/x", events = new[] { "api_key.exploded" } });
        var notUrl = await tenant.Http.PostAsJsonAsync(WebhookApi.Webhooks, new { url = "ftp://example.com/x", events = new[] { "api_key.created" } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.TryGetProperty("secret", out _), Is.False);
            Assert.That(list.Items().Single().TryGetProperty("secret", out _), Is.False);
            Assert.That(patched.GetProperty("enabled").GetBoolean(), Is.False);
            Assert.That(patched.Strings("events"), Is.EqualTo(new[] { "api_key.created", "api_key.rotated" }));
            Assert.That(patched.String("url"), Is.EqualTo("https://example.com/hooks"), "absent members keep their value");
            await chosenSecret.AssertValidationProblemAsync("secret");
            await unknownType.AssertValidationProblemAsync("events");
            await notUrl.AssertValidationProblemAsync("url");
        }

        await (await tenant.Http.DeleteAsync(url)).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await tenant.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
