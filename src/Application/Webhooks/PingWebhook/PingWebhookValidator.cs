using FluentValidation;

namespace QuoinApi.Application.Webhooks.PingWebhook;

public sealed class PingWebhookValidator : AbstractValidator<PingWebhookCommand>
{
    public PingWebhookValidator() => RuleFor(c => c.Id).NotEmpty();
}
