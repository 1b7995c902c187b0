using QuoinApi.Application.Common.Time;

namespace QuoinApi.Application.UnitTests.Common.Time;

public sealed class StoredTimeTests
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Test]
    public void Bounds_already_at_the_stored_precision_are_kept()
    {
        var microsecond = Instant.AddTicks(10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(StoredTime.ExclusiveLowerBound(microsecond), Is.EqualTo(microsecond));
            Assert.That(StoredTime.InclusiveLowerBound(microsecond), Is.EqualTo(microsecond));
            Assert.That(StoredTime.ExclusiveUpperBound(microsecond), Is.EqualTo(microsecond));
            Assert.That(StoredTime.ExclusiveUpperBound(null), Is.Null);
        }
    }

    [Test]
    public void Bounds_between_two_stored_instants_keep_those_instants_on_their_side()
    {
        var between = Instant.AddTicks(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(StoredTime.ExclusiveLowerBound(between), Is.EqualTo(Instant), "the same stored instants are after both");
            Assert.That(StoredTime.InclusiveLowerBound(between), Is.EqualTo(Instant.AddTicks(10)));
            Assert.That(StoredTime.ExclusiveUpperBound(between), Is.EqualTo(Instant.AddTicks(10)), "an instant at Instant is before the bound");
            Assert.That(StoredTime.ExclusiveUpperBound(Instant.AddTicks(-1)), Is.EqualTo(Instant));
        }
    }

    [Test]
    public void Bounds_are_kept_in_utc_whatever_the_offset_they_were_written_in()
    {
        var written = Instant.ToOffset(TimeSpan.FromHours(2)).AddTicks(1);

        Assert.That(StoredTime.ExclusiveUpperBound(written)!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(StoredTime.ExclusiveUpperBound(written), Is.EqualTo(Instant.AddTicks(10)));
    }
}
