namespace QuoinApi.Architecture.Tests.SchemaChanges;

/// <summary>One change of a migration's <c>Up</c> that the previous release cannot live with.</summary>
/// <param name="Target"><c>table</c> or <c>table.column</c>.</param>
/// <param name="What">What the change does to the previous release, in a few words.</param>
public sealed record BreakingChange(string Target, string What)
{
    public override string ToString() => $"{Target}: {What}";
}
