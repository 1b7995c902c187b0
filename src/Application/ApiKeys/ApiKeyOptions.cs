using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.ApiKeys;

/// <summary>Configuration section <c>ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";

    /// <summary>Marks issued keys <c>qk_live_</c> or <c>qk_test_</c>, so secret scanners and humans can tell them apart.</summary>
    public ApiKeyEnvironment Environment { get; set; } = ApiKeyEnvironment.Live;
}
