namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// Marks one change of a migration that the release still running during a rolling deployment cannot live with (a
/// dropped, renamed or narrowed table or column, a required column without a default, a column made nullable) as
/// reviewed, with the reason it is acceptable. Without it <c>ZeroDowntimeMigrationTests</c> fails; a marker that names
/// no such change fails it too. See docs/guides/zero-downtime-migrations.md.
/// </summary>
/// <param name="target">What the change touches: <c>table</c> or <c>table.column</c>, as the migration names them.</param>
/// <param name="reason">Why it is safe, or how the deployment makes it safe (for example, old instances stopped first).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReviewedBreakingChangeAttribute(string target, string reason) : Attribute
{
    public string Target { get; } = target;

    public string Reason { get; } = reason;
}
