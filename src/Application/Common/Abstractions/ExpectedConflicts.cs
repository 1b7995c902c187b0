using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// The unique rules a command may break, and the error each one means. A command's writes reach the store in one
/// batch at commit, so a handler does not read first to ask whether a value is free (a round trip, and a race anyway):
/// it names the rule here, and when the store's unique index refuses the commit the unit-of-work behavior answers
/// with the named error instead of a generic conflict. Scoped to the command, like <see cref="AfterCommit"/>.
/// </summary>
public sealed class ExpectedConflicts
{
    private readonly Dictionary<string, Error> _errors = new(StringComparer.Ordinal);

    /// <param name="constraint">The unique index's name in the store, a constant of the feature that owns the index.</param>
    /// <param name="error">What the caller is told when that index refuses the commit.</param>
    public void Expect(string constraint, Error error) => _errors[constraint] = error;

    public bool TryGet(string constraint, out Error error) => _errors.TryGetValue(constraint, out error!);
}
