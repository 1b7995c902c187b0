using FluentValidation;

namespace QuoinApi.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator(IWebhookUrlGuard guard)
    {
        RuleFor(c => c.Url).ValidWebhookUrl(guard);
        RuleFor(c => c.Events).ValidEventTypes();
        RuleFor(c => c.Description).ValidWebhookDescription();
    }
}
