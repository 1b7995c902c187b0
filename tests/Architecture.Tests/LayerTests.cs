using System.Reflection;
using NetArchTest.Rules;
using QuoinApi.Domain.Common;

namespace QuoinApi.Architecture.Tests;

/// <summary>The dependency rule: Domain depends on nothing; Application not on Infrastructure or Api.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Entity).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;

    [Test]
    public void Domain_references_only_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.That(references, Is.All.Matches<string>(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard"),
            "Domain must not reference any package or project.");
    }

    [Test]
    public void Application_does_not_depend_on_infrastructure_api_or_drivers()
    {
        var result = Types.InAssembly(Application)
            .ShouldNot()
            .HaveDependencyOnAny("QuoinApi.Infrastructure", "QuoinApi.Api", "Npgsql", "StackExchange.Redis", "Microsoft.AspNetCore")
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Infrastructure_does_not_depend_on_api()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("QuoinApi.Api").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Domain_does_not_depend_on_outer_layers()
    {
        var result = Types.InAssembly(Domain)
            .ShouldNot()
            .HaveDependencyOnAny("QuoinApi.Application", "QuoinApi.Infrastructure", "QuoinApi.Api")
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }
}
