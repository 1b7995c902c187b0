using System.Security.Cryptography;

namespace QuoinApi.Domain.Common;

/// <summary>
/// UUIDv7 identities (RFC 9562, section 5.7): 48 bits of Unix milliseconds, the version, 74 random bits and the variant.
/// The layout of <see cref="Guid.CreateVersion7()"/>, so ids still sort by creation time in PostgreSQL's uuid order.
/// </summary>
/// <remarks>
/// The random bits come from the cryptographic generator, as the runtime's do, but through a per-thread buffer refilled
/// every <see cref="IdsPerRefill"/> ids. <see cref="Guid.CreateVersion7()"/> asks the operating system on every call:
/// on Linux the runtime reads <c>/dev/urandom</c>, a system call per id, which a profile of the create load found under
/// every entity's constructor and every request id (<c>docs/benchmarks.md</c>, sixth session).
/// </remarks>
public static class UuidV7
{
    private const int RandomBytesPerId = 10;
    private const int IdsPerRefill = 32;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_used;

    public static Guid Create() => Create(DateTimeOffset.UtcNow);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is before the Unix epoch.</exception>
    public static Guid Create(DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));

        var random = t_random;
        if (random is null || t_used == random.Length)
        {
            random = t_random ??= new byte[RandomBytesPerId * IdsPerRefill];
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }

        ReadOnlySpan<byte> bits = random.AsSpan(t_used, RandomBytesPerId);
        t_used += RandomBytesPerId;

        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < 6; i++)
        {
            id[i] = (byte)(milliseconds >> (40 - (8 * i)));
        }

        id[6] = (byte)(0x70 | (bits[0] & 0x0F)); // version 7
        id[7] = bits[1];
        id[8] = (byte)(0x80 | (bits[2] & 0x3F)); // variant 10
        bits[3..].CopyTo(id[9..]);
        return new Guid(id, bigEndian: true);
    }
}
