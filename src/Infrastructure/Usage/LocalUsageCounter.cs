using System.Collections.Concurrent;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>
/// Usage counted on this instance while Redis cannot count it, until the flusher writes it to PostgreSQL. Taking a
/// counter removes it atomically, so an increment racing a flush lands in the next one and nothing is counted twice.
/// </summary>
public sealed class LocalUsageCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    internal void Add(string usageField, char kind) =>
        _counts.AddOrUpdate(usageField + kind, 1, static (_, count) => count + 1);

    internal void Add(string field, long count) =>
        _counts.AddOrUpdate(field, count, (_, existing) => existing + count);

    /// <summary>Removes and returns every pending counter.</summary>
    internal List<KeyValuePair<string, long>> TakeAll()
    {
        var taken = new List<KeyValuePair<string, long>>(_counts.Count);
        foreach (var field in _counts.Keys)
        {
            if (_counts.TryRemove(field, out var count))
            {
                taken.Add(new KeyValuePair<string, long>(field, count));
            }
        }

        return taken;
    }
}
