using QuoinApi.Application.Common.Time;

namespace QuoinApi.Application.Audit.ListAuditLog;

/// <summary>
/// The audit log filters: an exact action and resource id, and a time range (<c>from</c> inclusive, <c>to</c>
/// exclusive) kept in UTC at the stored precision (<see cref="StoredTime"/>), so instants compare whatever offset the
/// caller wrote them in.
/// </summary>
public sealed record AuditLogFilter(string? Action = null, string? ResourceId = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public DateTimeOffset? From { get; init; } = StoredTime.InclusiveLowerBound(From);

    public DateTimeOffset? To { get; init; } = StoredTime.ExclusiveUpperBound(To);
}
