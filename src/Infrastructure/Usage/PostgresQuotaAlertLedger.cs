using Npgsql;
using QuoinApi.Application.Usage;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>A row per tenant, period and threshold in <c>quota_notifications</c>; the primary key picks the one first recorder.</summary>
public sealed class PostgresQuotaAlertLedger(NpgsqlDataSource dataSource, TimeProvider clock) : IQuotaAlertLedger
{
    public async Task<bool> TryRecordAsync(
        Guid tenantId, UsagePeriod period, QuotaThreshold threshold, long used, long quota, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO quota_notifications (tenant_id, period, threshold, used, quota, raised_at)
            VALUES (@tenant, @period, @threshold, @used, @quota, @raised)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("period", period.Key);
        command.Parameters.AddWithValue("threshold", threshold == QuotaThreshold.Warning ? "warning" : "exhausted");
        command.Parameters.AddWithValue("used", used);
        command.Parameters.AddWithValue("quota", quota);
        command.Parameters.AddWithValue("raised", clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
