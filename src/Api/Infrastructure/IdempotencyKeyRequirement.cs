using Microsoft.Extensions.Options;
using QuoinApi.Infrastructure.Idempotency;

namespace QuoinApi.Api.Infrastructure;

#if (IncludeEvents)
/// <summary>
/// Outside Development the API refuses to start without <c>Idempotency:ResponseEncryptionKey</c>. Stored replays that
/// carry a secret (a new API key, a webhook secret) are encrypted with it; a per-process key would make them unreadable
/// after a restart or on another instance, so a client retrying a key creation would get a 409 for a key that exists.
/// </summary>
#else
/// <summary>
/// Outside Development the API refuses to start without <c>Idempotency:ResponseEncryptionKey</c>. Stored replays that
/// carry a secret (a new API key) are encrypted with it; a per-process key would make them unreadable after a restart
/// or on another instance, so a client retrying a key creation would get a 409 for a key that exists.
/// </summary>
#endif
internal sealed class IdempotencyKeyRequirement(IHostEnvironment environment) : IValidateOptions<IdempotencyOptions>
{
    public const string Message =
        "Idempotency:ResponseEncryptionKey is required outside Development (environment variable Idempotency__ResponseEncryptionKey): " +
        "a random string of 32 or more characters, the same on every instance and kept across restarts. It encrypts stored " +
        "idempotent responses that carry secrets; without it they cannot be replayed after a restart.";

    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options) =>
        environment.IsDevelopment() || !string.IsNullOrWhiteSpace(options.ResponseEncryptionKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Message);
}
