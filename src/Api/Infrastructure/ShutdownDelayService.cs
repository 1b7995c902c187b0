namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// On SIGTERM readiness fails at once (<see cref="ShutdownReadinessCheck"/>), but load balancers only notice at their
/// next probe. This keeps the listener open for <c>Shutdown:ReadinessDelaySeconds</c> so requests routed meanwhile are
/// still served; then the server drains in-flight requests (up to <c>Shutdown:DrainTimeoutSeconds</c>). The delay runs
/// in <see cref="StoppingAsync"/>, which the host calls before it stops any hosted service, the web server included.
/// </summary>
internal sealed class ShutdownDelayService(IConfiguration configuration, ILogger<ShutdownDelayService> logger) : IHostedLifecycleService
{
    public const string ConfigurationKey = "Shutdown:ReadinessDelaySeconds";
    private int _delayed;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Once: a host stopped twice (StopApplication, then disposal) must not wait twice.
        if (Interlocked.Exchange(ref _delayed, 1) == 1)
        {
            return;
        }

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
