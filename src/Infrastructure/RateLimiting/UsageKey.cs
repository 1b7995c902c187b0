using System.Globalization;

namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// The name of one usage counter while it waits in Redis for the flusher: <c>key:tenant:yyyyMMdd:</c> followed by
/// <c>r</c> (requests served) or <c>t</c> (requests throttled).
/// </summary>
internal static class UsageKey
{
    public const char Requests = 'r';
    public const char Throttled = 't';

    public static string Format(Guid apiKeyId, Guid tenantId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{apiKeyId:N}:{tenantId:N}:{day:yyyyMMdd}:");

    public static bool TryParse(string field, out Guid apiKeyId, out Guid tenantId, out DateOnly day, out bool throttled)
    {
        apiKeyId = tenantId = Guid.Empty;
        day = default;
        throttled = false;
        var parts = field.Split(':');
        if (parts.Length != 4 || parts[3] is not ("r" or "t"))
        {
            return false;
        }

        throttled = parts[3] == "t";
        return Guid.TryParseExact(parts[0], "N", out apiKeyId)
            && Guid.TryParseExact(parts[1], "N", out tenantId)
            && DateOnly.TryParseExact(parts[2], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
