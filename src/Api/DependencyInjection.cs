using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Authentication;
using QuoinApi.Api.Http;
using QuoinApi.Api.Infrastructure;
using QuoinApi.Api.RateLimiting;

namespace QuoinApi.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddQuoinProblemDetails();
        services.AddControllers()
            .AddJsonOptions(options => JsonSetup.Configure(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = JsonSetup.InvalidModelState);
        services.ConfigureHttpJsonOptions(options => JsonSetup.Configure(options.SerializerOptions));
        services.Configure<MvcOptions>(options =>
        {
            options.AllowEmptyInputInBodyModelBinding = false;
            options.ModelBinderProviders.Insert(0, new StrictQueryBinderProvider());
            options.Filters.Add(new ProblemContentTypeFilter());
        });

        services.AddQuoinVersioning(configuration);
        services.AddQuoinCors(configuration);
        services.AddQuoinAuthentication(configuration);
        services.AddQuoinRateLimiting();
        services.AddQuoinOpenApi(configuration);
        services.AddQuoinHealth();
        services.AddQuoinTelemetry(configuration);
        services.Configure<QuoinApi.Application.Common.Telemetry.TelemetryOptions>(configuration.GetSection("Telemetry"));

        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<QuoinApi.Infrastructure.Idempotency.IdempotencyOptions>, IdempotencyKeyRequirement>();
        services.AddOptions<QuoinApi.Infrastructure.Idempotency.IdempotencyOptions>().ValidateOnStart();

        services.AddSingleton<Infrastructure.ServerErrors.KestrelRejections>();
        services.AddHostedService<ShutdownDelayService>();
        services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Shutdown:DrainTimeoutSeconds", 30)));
        return services;
    }

    /// <summary>The middleware pipeline, outermost first (see docs/architecture.md, "A request's path").</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ApiVersionLifecycleMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseQuoinCors();
        app.UseAuthentication();
        app.UseQuoinRateLimiting();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyKeyMiddleware>();

        app.MapControllers();
        app.MapQuoinHealth();
        app.MapQuoinOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }
}
