using QuoinApi.Application.Webhooks.RotateWebhookSecret;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.RotateWebhookSecret;

public sealed class RotateWebhookSecretHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Issues_a_new_secret_and_keeps_the_old_one_for_the_grace_period()
    {
        var tenant = await CreateTenantAsync();
        var created = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));

        var rotated = ResultAssert.Succeeded(await SendAsync(new RotateWebhookSecretCommand(created.Id, 600), tenant));
        var previous = await Database.ScalarAsync<string>("SELECT previous_secret FROM webhook_subscriptions WHERE id = $1", created.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rotated.Secret, Does.StartWith("whsec_").And.Not.EqualTo(created.Secret));
            Assert.That(previous, Is.EqualTo(created.Secret));
            Assert.That(rotated.PreviousSecretExpiresAt, Is.EqualTo(Clock.GetUtcNow().AddSeconds(600)).Within(TimeSpan.FromMilliseconds(1)));
        }
    }

    [Test]
    public async Task Refuses_a_grace_period_over_seven_days()
    {
        var tenant = await CreateTenantAsync();
        var created = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));

        var refused = await SendAsync(new RotateWebhookSecretCommand(created.Id, 604801), tenant);

        Assert.That(refused.Error!.ValidationErrors!.Keys, Is.EqualTo(new[] { "gracePeriodSeconds" }));
    }
}
