using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.DeleteWebhook;

public sealed record DeleteWebhookCommand(Guid Id) : ICommand<Success>;
