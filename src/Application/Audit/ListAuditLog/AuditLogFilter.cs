namespace QuoinApi.Application.Audit.ListAuditLog;

public sealed record AuditLogFilter(string? Action = null, string? ResourceId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
