using FluentValidation;

namespace QuoinApi.Application.Webhooks.DeleteWebhook;

public sealed class DeleteWebhookValidator : AbstractValidator<DeleteWebhookCommand>
{
    public DeleteWebhookValidator() => RuleFor(c => c.Id).NotEmpty();
}
