namespace QuoinApi.Infrastructure.Security;

/// <summary>Configuration read by authentication (sections <c>ApiKeys</c> and <c>Bootstrap</c>).</summary>
public sealed class ApiKeyAuthenticationOptions
{
    /// <summary>How long a validated key is trusted without a database read; revocation evicts it sooner.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a well-formed key that matches nothing is remembered as unknown (no database read meanwhile).</summary>
    public TimeSpan UnknownKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>Bootstrap:AdminApiKey</c>: the only key accepted outside the qk_ format.</summary>
    public string? BootstrapSecret { get; set; }
}
