namespace QuoinApi.Application.Common.Concurrency;

/// <summary>
/// An <c>If-Match</c> precondition (RFC 9110, section 13.1.1) over row versions. Strong comparison: weak or unreadable
/// entity tags never match, <c>*</c> matches any current version.
/// </summary>
public sealed record IfMatch(bool IsPresent, bool Any, IReadOnlyList<uint> Versions)
{
    /// <summary>No header: nothing to check.</summary>
    public static readonly IfMatch None = new(false, false, []);

    public static readonly IfMatch Wildcard = new(true, true, []);

    public static IfMatch For(params uint[] versions) => new(true, false, versions);

    public bool Matches(uint currentVersion) => !IsPresent || Any || Versions.Contains(currentVersion);
}
