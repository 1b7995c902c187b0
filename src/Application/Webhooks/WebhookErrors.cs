using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks;

internal static class WebhookErrors
{
    public static readonly Error TenantRequired =
        Error.Forbidden("webhook.tenant_required", "Only a tenant's credentials can manage that tenant's webhooks.");

    public static Error UrlRefused(string reason) => Error.Validation("url", reason);
}
