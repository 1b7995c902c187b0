namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Per-request facts the API hands to the pipeline: the request id (for audit), the validated <c>Idempotency-Key</c>,
/// and, set by the idempotency behavior, whether the result is a replay.
/// </summary>
public sealed class RequestContext
{
    public string? RequestId { get; set; }

    /// <summary>Present only on POST and PATCH requests that sent a well-formed key.</summary>
    public string? IdempotencyKey { get; set; }

    public bool IdempotentReplay { get; set; }
}
