using FluentValidation;

namespace QuoinApi.Application.Webhooks.ReplayWebhookDelivery;

public sealed class ReplayWebhookDeliveryValidator : AbstractValidator<ReplayWebhookDeliveryCommand>
{
    public ReplayWebhookDeliveryValidator() => RuleFor(c => c.DeliveryId).NotEmpty();
}
