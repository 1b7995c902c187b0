namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// What a handler added through the fake repositories. A handler never saves: the unit-of-work behavior writes what
/// the command added at commit, and only on success (tested in the pipeline tests and on PostgreSQL).
/// </summary>
public sealed class RecordedWrites
{
    private readonly List<object> _added = [];

    public void Add(object entity) => _added.Add(entity);

    /// <summary>The entities of one type that the handler added for the commit to write.</summary>
    public IReadOnlyList<T> Added<T>() => [.. _added.OfType<T>()];
}
