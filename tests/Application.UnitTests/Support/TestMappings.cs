using Mapster;

namespace QuoinApi.Application.UnitTests.Support;

/// <summary>The application's real Mapster configuration, built as AddApplication builds it, once for all tests.</summary>
internal static class TestMappings
{
    private static readonly Lazy<TypeAdapterConfig> Instance = new(() =>
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(DependencyInjection).Assembly);
        config.Compile();
        return config;
    });

    public static TypeAdapterConfig Config => Instance.Value;
}
