using Microsoft.Extensions.Options;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Infrastructure.Security;

namespace QuoinApi.Api;

/// <summary>Applies pending migrations and seeds the bootstrap key, for deployments that migrate as an explicit step.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
        var bootstrap = scope.ServiceProvider.GetRequiredService<IOptions<ApiKeyAuthenticationOptions>>().Value.BootstrapSecret;
        await DatabaseInitializer.InitializeAsync(db, migrate: true, bootstrap, CancellationToken.None);
        app.Logger.LogInformation("Database migrated.");
        return 0;
    }
}
