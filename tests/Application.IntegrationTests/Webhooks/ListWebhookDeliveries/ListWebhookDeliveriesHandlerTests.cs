using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.Webhooks.ListWebhookDeliveries;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Webhooks;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Lists_a_subscriptions_deliveries_newest_first_and_hides_other_tenants()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        await PublishEventsAsync(); // the owner keys' events, before the subscription exists
        var webhook = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));
        ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("D-1", [Scopes.AuditRead], null), tenant));
        await PublishEventsAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("D-2", [Scopes.AuditRead], null), tenant));
        await PublishEventsAsync();

        var page = ResultAssert.Succeeded(await SendAsync(new ListWebhookDeliveriesQuery(webhook.Id, Common.Paging.ListRequest.Default), tenant));
        var hidden = await SendAsync(new ListWebhookDeliveriesQuery(webhook.Id, Common.Paging.ListRequest.Default), other);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Items, Has.Count.EqualTo(2));
            Assert.That(page.Items.Select(d => d.Status), Is.All.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(page.Items[0].CreatedAt, Is.GreaterThan(page.Items[1].CreatedAt));
            Assert.That(hidden.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        }
    }
}
