namespace QuoinApi.Infrastructure.Security;

/// <summary>Configuration section <c>Paging</c>.</summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>
    /// HMAC keys for page tokens (32+ characters each). The first signs; all verify, so keys rotate without breaking
    /// the tokens clients hold. Every instance must share them. Empty: a random per-process key (development).
    /// </summary>
    public IList<string> TokenSigningKeys { get; } = [];
}
