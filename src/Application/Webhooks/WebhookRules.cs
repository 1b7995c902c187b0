using FluentValidation;
using QuoinApi.Domain.Events;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks;

/// <summary>The field rules shared by creation and update (the OpenAPI documents publish the same limits).</summary>
public static class WebhookRules
{
    public static IRuleBuilderOptions<T, string?> ValidWebhookUrl<T>(this IRuleBuilder<T, string?> rule, IWebhookUrlGuard guard) =>
        rule.NotEmpty()
            .MaximumLength(WebhookSubscription.UrlMaxLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || (guard.AllowsPrivateNetworks && uri.Scheme == Uri.UriSchemeHttp))
                && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment))
            .WithMessage(guard.AllowsPrivateNetworks
                ? "'url' must be an absolute http or https URL without credentials or fragment."
                : "'url' must be an absolute https URL without credentials or fragment.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage("'events' must name at least one event type.")
            .Must(events => events is null || events.Count <= WebhookSubscription.MaxEventTypes)
            .WithMessage($"'events' names at most {WebhookSubscription.MaxEventTypes} event types.")
            .Must(events => events is null || events.All(e => e is not null && EventTypes.IsKnown(e)))
            .WithMessage($"'events' may only name: {string.Join(", ", EventTypes.Subscribable)}.");

    public static IRuleBuilderOptions<T, string?> ValidWebhookDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(WebhookSubscription.DescriptionMaxLength);
}
