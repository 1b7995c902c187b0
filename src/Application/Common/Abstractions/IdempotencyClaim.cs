namespace QuoinApi.Application.Common.Abstractions;

public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, byte[]? Response = null);
