namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// What a handler added through the fake repositories: pending until the fake unit of work saves, as with EF Core,
/// where an added entity is persisted only by SaveChanges; a failed save keeps nothing.
/// </summary>
public sealed class RecordedWrites
{
    private readonly List<object> _pending = [];
    private readonly List<object> _saved = [];

    public IReadOnlyList<object> Pending => _pending;

    public void Add(object entity) => _pending.Add(entity);

    /// <summary>The entities of one type that a successful save kept.</summary>
    public IReadOnlyList<T> Saved<T>() => [.. _saved.OfType<T>()];

    internal void Save()
    {
        _saved.AddRange(_pending);
        _pending.Clear();
    }
}
