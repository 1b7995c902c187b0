using System.Reflection;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application;

public static class DependencyInjection
{
    /// <summary>Registers the mediator, every handler and validator of this assembly, the pipeline and the mappings.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        // MediatR 5 has no DI package we can restore here; the wiring is these few lines (ADR 0002).
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var (service, implementation) in FindRequestHandlers(assembly))
        {
            services.AddScoped(service, implementation);
        }

        // Pipeline, outermost first (ADR 0004): MediatR 5 runs behaviors in registration order. A test pins it.
        foreach (var behavior in PipelineOrder)
        {
            services.AddScoped(typeof(IPipelineBehavior<,>), behavior);
        }

        services.AddScoped<RequestContext>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<ExpectedConflicts>();

        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        var mappings = new TypeAdapterConfig();
        mappings.Scan(assembly);
        mappings.Compile();
        services.AddSingleton(mappings);

        services.AddSingleton<KeysetPager>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Telemetry sees everything (even validation failures); validation runs before any transaction opens; the unit of
    /// work wraps idempotency and audit, so the key claim, the effects and the audit entry commit together.
    /// </summary>
    public static readonly IReadOnlyList<Type> PipelineOrder =
    [
        typeof(TelemetryBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(UnitOfWorkBehavior<,>),
        typeof(IdempotencyBehavior<,>),
        typeof(AuditBehavior<,>),
    ];

    internal static IEnumerable<(Type Service, Type Implementation)> FindRequestHandlers(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
        select (service, type);
}
