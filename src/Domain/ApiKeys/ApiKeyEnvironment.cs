namespace QuoinApi.Domain.ApiKeys;

/// <summary>Which marker a key carries: <c>qk_live_</c> for production, <c>qk_test_</c> for everything else.</summary>
public enum ApiKeyEnvironment
{
    Live,
    Test,
}
