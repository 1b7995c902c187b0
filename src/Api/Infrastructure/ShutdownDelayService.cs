namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// On SIGTERM readiness fails at once (<see cref="ShutdownReadinessCheck"/>), but load balancers only notice at their
/// next probe. This keeps the listener open for <c>Shutdown:ReadinessDelaySeconds</c> so requests routed meanwhile are
/// still served; then the server drains in-flight requests (up to <c>Shutdown:DrainTimeoutSeconds</c>). Registered after
/// the web server, it is stopped before it.
/// </summary>
internal sealed class ShutdownDelayService(IConfiguration configuration, ILogger<ShutdownDelayService> logger) : IHostedService
{
    public const string ConfigurationKey = "Shutdown:ReadinessDelaySeconds";

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(configuration.GetValue(ConfigurationKey, 5));
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        logger.LogInformation("Shutting down: readiness fails now; serving for {Delay} more before draining.", delay);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: proceed to drain.
        }
    }
}
