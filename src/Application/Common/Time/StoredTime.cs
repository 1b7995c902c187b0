namespace QuoinApi.Application.Common.Time;

/// <summary>
/// Time bounds of list filters, brought to the precision timestamps are stored at (microseconds, UTC), so a bound a
/// client gives more precisely (.NET ticks are 100 ns) still compares as written: with a bound between two stored
/// instants, "after" and "before" must keep the instants on their side, which the database cannot do for a value it
/// would itself round.
/// </summary>
public static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>For <c>x &gt; bound</c>: the stored instant at or before the bound (the same instants are after it).</summary>
    public static DateTimeOffset? ExclusiveLowerBound(DateTimeOffset? bound) => bound is { } value ? Floor(value) : null;

    /// <summary>For <c>x &gt;= bound</c>: the stored instant at or after the bound.</summary>
    public static DateTimeOffset? InclusiveLowerBound(DateTimeOffset? bound) => bound is { } value ? Ceiling(value) : null;

    /// <summary>For <c>x &lt; bound</c>: the stored instant at or after the bound (the same instants are before it).</summary>
    public static DateTimeOffset? ExclusiveUpperBound(DateTimeOffset? bound) => bound is { } value ? Ceiling(value) : null;

    private static DateTimeOffset Floor(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    private static DateTimeOffset Ceiling(DateTimeOffset value)
    {
        var floor = Floor(value);
        return floor.UtcTicks == value.UtcTicks ? floor : floor.AddTicks(TicksPerMicrosecond);
    }
}
