namespace QuoinApi.Application.Usage;

/// <summary>The quota period: the calendar month (UTC) that holds a moment, from its first instant to the next month's.</summary>
public readonly record struct UsagePeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public static UsagePeriod Containing(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new UsagePeriod(start, start.AddMonths(1));
    }

    /// <summary>A stable name for the period, <c>yyyyMM</c>: the suffix of its quota counters and markers.</summary>
    public string Key => Start.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly FirstDay => DateOnly.FromDateTime(Start.UtcDateTime);

    public DateOnly EndDay => DateOnly.FromDateTime(End.UtcDateTime);
}
