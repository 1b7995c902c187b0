using QuoinApi.Api;
using QuoinApi.Api.Infrastructure;
using QuoinApi.Application;
using QuoinApi.Infrastructure;
using QuoinApi.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
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
