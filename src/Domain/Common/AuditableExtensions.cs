namespace QuoinApi.Domain.Common;

/// <summary>How aggregates record the times of their own changes.</summary>
public static class AuditableExtensions
{
    public static void RecordCreated(this IAuditable entity, DateTimeOffset now)
    {
        entity.CreatedAt = now;
        entity.UpdatedAt = now;
    }

    public static void RecordChanged(this IAuditable entity, DateTimeOffset now) => entity.UpdatedAt = now;
}
