using System.Collections.Concurrent;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>
/// Usage counted on this instance while Redis cannot count it, until the flusher writes it to PostgreSQL. Taking a
/// counter removes it atomically, so an increment racing a flush lands in the next one and nothing is counted twice.
/// </summary>
public sealed class LocalUsageCounter
{
    // Keyed by the field's prefix and kind apart: counting a request joins no strings (requests served from leased
    // permits are counted here on the hot path, ADR 0052).
    private readonly ConcurrentDictionary<(string Prefix, char Kind), long> _counts = new();

    internal void Add(string usageField, char kind) =>
        _counts.AddOrUpdate((usageField, kind), 1, static (_, count) => count + 1);

    /// <summary>Puts back a counter taken by <see cref="TakeAll"/> (its field as the flusher saw it).</summary>
    internal void Add(string field, long count) =>
        _counts.AddOrUpdate((field[..^1], field[^1]), count, (_, existing) => existing + count);

    /// <summary>Removes and returns every pending counter, by its whole field name.</summary>
    internal List<KeyValuePair<string, long>> TakeAll()
    {
        var taken = new List<KeyValuePair<string, long>>(_counts.Count);
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var count))
            {
                taken.Add(new KeyValuePair<string, long>(key.Prefix + key.Kind, count));
            }
        }

        return taken;
    }
}
