using FluentValidation;

namespace QuoinApi.Application.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator(IWebhookUrlGuard guard)
    {
        RuleFor(c => c.Url).ValidWebhookUrl(guard).When(c => c.Url is not null);
        RuleFor(c => c.Events).ValidEventTypes().When(c => c.Events is not null);
        RuleFor(c => c.Description).ValidWebhookDescription();
    }
}
