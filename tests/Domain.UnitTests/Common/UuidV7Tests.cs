using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.UnitTests.Common;

public sealed class UuidV7Tests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 18, 30, 0, 123, TimeSpan.Zero);

    [Test]
    public void An_id_carries_its_millisecond_the_version_7_and_the_RFC_variant()
    {
        var bytes = UuidV7.Create(Now).ToByteArray(bigEndian: true);

        var milliseconds = bytes[..6].Aggregate(0L, (value, b) => (value << 8) | b);
        Assert.Multiple(() =>
        {
            Assert.That(milliseconds, Is.EqualTo(Now.ToUnixTimeMilliseconds()));
            Assert.That(bytes[6] >> 4, Is.EqualTo(7));
            Assert.That(bytes[8] >> 6, Is.EqualTo(0b10));
        });
    }

    [Test]
    public void It_has_the_layout_of_the_runtime_s_version_7_ids()
    {
        var ours = UuidV7.Create(Now);
        var runtime = Guid.CreateVersion7(Now);

        Assert.Multiple(() =>
        {
            Assert.That(ours.Version, Is.EqualTo(runtime.Version));
            Assert.That(ours.Variant, Is.InRange(8, 11), "RFC 9562 variant, as the runtime's");
            Assert.That(ours.ToString()[..13], Is.EqualTo(runtime.ToString()[..13]), "the same timestamp digits");
        });
    }

    [Test]
    public void Ids_of_later_milliseconds_sort_later_as_text_and_as_PostgreSQL_orders_uuids()
    {
        var ids = Enumerable.Range(0, 50).Select(i => UuidV7.Create(Now.AddMilliseconds(i * 7))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids.Select(id => id.ToString()), Is.Ordered.Using<string>(StringComparer.Ordinal));
            Assert.That(ids.Select(id => id.ToByteArray(bigEndian: true)), Is.Ordered.Using<byte[]>(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))));
        });
    }

    [Test]
    public void Ids_of_one_millisecond_differ_in_their_random_bits_across_threads_and_refills()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                ids.Add(UuidV7.Create(Now));
            }
        });

        Assert.That(ids.Distinct().Count(), Is.EqualTo(80_000));
    }

    [Test]
    public void A_time_before_the_Unix_epoch_is_refused()
    {
        Assert.That(() => UuidV7.Create(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
