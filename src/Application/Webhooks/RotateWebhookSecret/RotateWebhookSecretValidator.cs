using FluentValidation;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks.RotateWebhookSecret;

public sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretValidator() =>
        RuleFor(c => c.GracePeriodSeconds).InclusiveBetween(0, (int)WebhookSubscription.MaxRotationGrace.TotalSeconds);
}
