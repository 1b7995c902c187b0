using QuoinApi.Api;
using QuoinApi.Api.Infrastructure;
using QuoinApi.Application;
using QuoinApi.Infrastructure;
using QuoinApi.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;

    // Requests Kestrel rejects itself (bad request line, 414, 431, 408) get a problem body and the security headers.
    kestrel.ConfigureEndpointDefaults(QuoinApi.Api.Infrastructure.ServerErrors.KestrelRejections.Use);
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue(
        RequestBodyLimitMiddleware.ConfigurationKey, RequestBodyLimitMiddleware.DefaultMaxBytes);
});

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddApi(builder.Configuration);

var app = builder.Build();

// `QuoinApi.Api migrate`: apply migrations and seed the bootstrap key, then exit (deployments outside Development).
if (args.Contains("migrate", StringComparer.Ordinal))
{
    return await MigrateCommand.RunAsync(app);
}

app.UseApi();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
