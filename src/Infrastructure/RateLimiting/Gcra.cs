namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// The generic cell rate algorithm, the arithmetic both limiters share (the Redis script does the same in Lua): a
/// budget of <c>burst</c> requests that refills at one request per <c>interval</c>, kept as a single number, the
/// theoretical arrival time (TAT) of the next request. Times are microseconds.
/// </summary>
internal static class Gcra
{
    public readonly record struct Outcome(bool Allowed, long Tat, long Remaining, long ResetMicros, long RetryMicros);

    public static Outcome Evaluate(long now, long tat, long interval, long burst)
    {
        var span = interval * burst;
        if (tat < now)
        {
            tat = now;
        }

        var next = tat + interval;
        if (next - now > span)
        {
            return new Outcome(false, tat, 0, tat - now, next - span - now);
        }

        return new Outcome(true, next, (now + span - next) / interval, next - now, 0);
    }

    /// <summary>The state after <paramref name="tat"/> without taking anything: what is left and when the budget is full.</summary>
    public static Outcome Peek(long now, long tat, long interval, long burst)
    {
        var span = interval * burst;
        if (tat < now)
        {
            tat = now;
        }

        return new Outcome(false, tat, (now + span - tat) / interval, tat - now, 0);
    }

    public static long IntervalMicros(int requestsPerSecond) => Math.Max(1, 1_000_000L / requestsPerSecond);
}
