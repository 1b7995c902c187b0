namespace QuoinApi.Infrastructure.Security;

/// <summary>Configuration read by authentication (sections <c>ApiKeys</c> and <c>Bootstrap</c>).</summary>
public sealed class ApiKeyAuthenticationOptions
{
    /// <summary>How long a validated key is trusted without a database read; revocation evicts it sooner.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Bootstrap:AdminApiKey</c>: the only key accepted outside the qk_ format.</summary>
    public string? BootstrapSecret { get; set; }
}
