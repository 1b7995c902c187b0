using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>
/// <c>Idempotency-Key</c> for commands (draft-ietf-httpapi-idempotency-key-header), inside the command's transaction:
/// the same key and request replay the stored result, a different request is an <c>IdempotencyKeyReused</c> failure,
/// a request still running a <c>Conflict</c>.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(IIdempotencyStore store, ICurrentPrincipal principal, RequestContext context)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommandBase
    where TResponse : IResult<TResponse>
{
    private static readonly JsonSerializerOptions StorageOptions = new(JsonSerializerDefaults.General);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (context.IdempotencyKey is not { } key)
        {
            return await next();
        }

        var requestHash = Fingerprint(request, principal.ActorId);
        var claim = await store.ClaimAsync(principal.TenantId, key, requestHash, cancellationToken);
        switch (claim.Status)
        {
            case IdempotencyClaimStatus.InFlight:
                return TResponse.Failure(Error.Conflict("idempotency.in_flight",
                    "A request with this Idempotency-Key is still being processed. Retry after it completes."));
            case IdempotencyClaimStatus.Mismatch:
                return TResponse.Failure(new Error(ErrorKind.IdempotencyKeyReused, "idempotency.key_reused",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request."));
            case IdempotencyClaimStatus.Unreplayable:
                return TResponse.Failure(Error.Conflict("idempotency.unreplayable",
                    "The request with this Idempotency-Key completed, but its stored response can no longer be replayed. Read the resource instead."));
            case IdempotencyClaimStatus.Replay:
                context.IdempotentReplay = true;
                return TResponse.FromValue(JsonSerializer.Deserialize(claim.Response!, TResponse.ValueType, StorageOptions)!);
        }

        var result = await next();
        if (result.IsSuccess)
        {
            var value = result.BoxedValue!;
            await store.CompleteAsync(principal.TenantId, key, requestHash, typeof(TRequest).Name,
                JsonSerializer.SerializeToUtf8Bytes(value, TResponse.ValueType, StorageOptions), value is IContainsSecret, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// SHA-256 of the caller, the request type and its members: "the same request" means the same command, field by
    /// field, from the same credential. Keys are scoped to the tenant, but another key of that tenant reusing a key is
    /// a different request (a reused key), so it can never read a stored response, such as a new key's secret, it did not cause.
    /// </summary>
    internal static byte[] Fingerprint(TRequest request, string? actorId) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes((actorId ?? "-") + "\n" + typeof(TRequest).FullName + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(request, StorageOptions)]);
}
