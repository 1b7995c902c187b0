using Asp.Versioning;

namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// URL-segment versions (v1, v2), reported on every response; v1's deprecation and sunset through Asp.Versioning's
/// policies (Deprecation, Sunset and Link headers; deprecated operations in OpenAPI); 410 after the sunset date.
/// </summary>
internal static class VersioningSetup
{
    public static readonly ApiVersion V1 = new(1, 0);
    public static readonly ApiVersion V2 = new(2, 0);

    public static IServiceCollection AddQuoinVersioning(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(VersioningOptions.SectionName);
        services.Configure<VersioningOptions>(section);
        var versioning = section.Get<VersioningOptions>() ?? new VersioningOptions();

        services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = V2;
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                options.Policies.Deprecate(V1)
                    .Effective(versioning.V1DeprecatedAt)
                    .Link(versioning.PolicyUrl).Title("QuoinApi versioning policy").Type("text/html");
                options.Policies.Sunset(V1)
                    .Effective(versioning.V1SunsetAt)
                    .Link(versioning.MigrationGuideUrl).Title("Migrating from v1 to v2").Type("text/html");
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        return services;
    }
}
