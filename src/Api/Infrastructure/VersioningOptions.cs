namespace QuoinApi.Api.Infrastructure;

/// <summary>Configuration section <c>Versioning</c>: the v1 retirement dates and the documents clients are sent to.</summary>
public sealed class VersioningOptions
{
    public const string SectionName = "Versioning";

    /// <summary>When v1 counts as deprecated (the <c>Deprecation</c> header, RFC 9745).</summary>
    public DateTimeOffset V1DeprecatedAt { get; set; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When v1 stops answering (the <c>Sunset</c> header, RFC 8594); after it, v1 is 410 Gone.</summary>
    public DateTimeOffset V1SunsetAt { get; set; } = new(2027, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public Uri PolicyUrl { get; set; } = new("https://quoinapi.example/docs/guides/versioning-policy");

    public Uri MigrationGuideUrl { get; set; } = new("https://quoinapi.example/docs/guides/migrating-v1-to-v2");
}
