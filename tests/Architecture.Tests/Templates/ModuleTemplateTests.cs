using QuoinApi.Architecture.Tests.OpenApi;

namespace QuoinApi.Architecture.Tests.Templates;

/// <summary>
/// <c>dotnet new quoinapi-module</c> (templates/module) writes modules that build, pass the architecture tests as they
/// are, describe themselves truthfully in the OpenAPI documents, and pass their own tests: proven in a copy of the
/// working tree, with the steps docs/guides/adding-a-module.md gives (the migration, the regenerated documents). Two
/// modules: one with the default plural, one of two words with a plural of its own. It builds the whole solution
/// (several minutes on two cores), so it runs only when asked: <c>bash build/template-check.sh ModuleTemplateTests</c>
/// (or QUOIN_TEMPLATE_TESTS=1).
/// </summary>
public sealed class ModuleTemplateTests
{
    private static readonly string[] Generated =
    [
        "src/Domain/Orders/Order.cs",
        "src/Domain/Common/Scopes.Orders.cs",
        "src/Application/Orders/CreateOrder/CreateOrderCommand.cs",
        "src/Application/Orders/ListOrders/ListOrdersHandler.cs",
        "src/Infrastructure/Persistence/Configurations/OrderConfiguration.cs",
        "src/Infrastructure/Persistence/Repositories/OrderRepository.cs",
        "src/Api/Controllers/Orders/OrdersController.cs",
        "tests/Domain.UnitTests/Orders/OrderTests.cs",
        "tests/Application.IntegrationTests/Orders/ListOrders/ListOrdersHandlerTests.cs",
        "tests/Api.FunctionalTests/Orders/OrdersTests.cs",
        "src/Domain/SupplyCategories/SupplyCategory.cs",
        "src/Domain/Common/Scopes.SupplyCategories.cs",
        "src/Application/SupplyCategories/ReplaceSupplyCategory/ReplaceSupplyCategoryHandler.cs",
        "src/Api/Controllers/SupplyCategories/SupplyCategoriesController.cs",
        "tests/Application.UnitTests/SupplyCategories/DeleteSupplyCategory/DeleteSupplyCategoryHandlerTests.cs",
    ];

    /// <summary>The generated tests.</summary>
    private const string ModuleTests = "FullyQualifiedName~.Orders.|FullyQualifiedName~.SupplyCategories.";

    private static readonly string[] ModuleScopes = ["orders:read", "orders:write", "supply_categories:read", "supply_categories:write"];

    [Test]
    [CancelAfter(2_400_000)]
    public void Generated_modules_pass_their_own_tests_and_the_default_suite()
    {
        if (Environment.GetEnvironmentVariable("QUOIN_TEMPLATE_TESTS") != "1")
        {
            Assert.Ignore("Builds a copy of the whole solution (minutes on two cores): run bash build/template-check.sh, or set QUOIN_TEMPLATE_TESTS=1.");
        }

        using var copy = RepositoryCopy.Create();
        var hive = copy.Root + "-hive";
        var environment = new Dictionary<string, string>
        {
            // The copy's tests get databases of their own, beside the ones this run uses.
            ["QUOIN_TEST_DATABASE_SUFFIX"] = "_module_template",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        ProcessRun Step(string what, params string[] arguments) => StepWith(what, environment, arguments);
        ProcessRun StepWith(string what, IReadOnlyDictionary<string, string> variables, params string[] arguments)
        {
            var run = ProcessRun.Of(copy.Root, variables, "dotnet", arguments);
            TestContext.Out.WriteLine($"{what}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:F0} s");
            Assert.That(run.ExitCode, Is.Zero, $"{what} failed:\n{run.Tail()}");
            return run;
        }

        try
        {
            Step("install", "new", "install", Path.Combine(copy.Root, "templates", "module"), "--debug:custom-hive", hive);
            Step("generate Order", "new", "quoinapi-module", "--name", "Order", "--debug:custom-hive", hive);
            Step("generate SupplyCategory", "new", "quoinapi-module", "--name", "SupplyCategory", "--plural", "SupplyCategories", "--debug:custom-hive", hive);
            Assert.That(Generated.Where(file => !File.Exists(Path.Combine(copy.Root, file))), Is.Empty, "files the template should have written");

            // The guide's steps: a migration per module, the modules' scopes in the contract's pins of the scope list,
            // then the documents regenerated from the running code.
            Step("restore", "restore", "QuoinApi.sln");
            Step("tool restore", "tool", "restore");
            foreach (var migration in new[] { "AddOrders", "AddSupplyCategories" })
            {
                Step(migration, "ef", "migrations", "add", migration, "--project", "src/Infrastructure", "--startup-project", "src/Infrastructure",
                    "--output-dir", "Persistence/Migrations", "--context", "QuoinDbContext");
            }

            // The published scopes are pinned in one place (the functional tests read Scopes.TenantScopes).
            const string pin = "tests/Domain.UnitTests/Common/ScopesTests.cs";
            var pinFile = Path.Combine(copy.Root, pin);
            var pinned = File.ReadAllText(pinFile);
#if (IncludeRatePlans)
            const string last = "\"usage:read\"";
#else
            const string last = "\"audit:read\"";
#endif
            Assert.That(pinned.Split(last).Length, Is.EqualTo(2), $"{pin} lists {last} once");
            File.WriteAllText(pinFile, pinned.Replace(last, last + ", " + string.Join(", ", ModuleScopes.Select(scope => $"\"{scope}\"")), StringComparison.Ordinal));

            Step("build", "build", "QuoinApi.sln", "-c", "Release", "--disable-build-servers", "-nologo", "-clp:ErrorsOnly");
            StepWith("update the OpenAPI documents", new Dictionary<string, string>(environment) { ["QUOIN_UPDATE_OPENAPI"] = "1" },
                "test", "tests/Api.FunctionalTests", "-c", "Release", "--no-build", "--nologo", "--filter", "FullyQualifiedName~OpenApiContractTests.Generated");

            var domain = Step("domain tests", "test", "tests/Domain.UnitTests", "-c", "Release", "--no-build", "--nologo", "--filter", ModuleTests);
            var unit = Step("handler and validator tests", "test", "tests/Application.UnitTests", "-c", "Release", "--no-build", "--nologo", "--filter", ModuleTests);
            var integration = Step("query tests", "test", "tests/Application.IntegrationTests", "-c", "Release", "--no-build", "--nologo", "--filter", ModuleTests);
            var functional = Step("functional tests", "test", "tests/Api.FunctionalTests", "-c", "Release", "--no-build", "--nologo", "--filter", ModuleTests);

            // Then the default suite as build/test.sh runs it (the architecture, contract and conformance tests included),
            // but for the tests that need Node (the Redocly lint, the TypeScript client: the guide's last step).
            Step("default suite", "test", "QuoinApi.sln", "-c", "Release", "--no-build", "--nologo",
                "--filter", "FullyQualifiedName!~.Templates.&FullyQualifiedName!~OpenApiLintTests&FullyQualifiedName!~TypeScriptClientTests");

            Assert.Multiple(() =>
            {
                Assert.That(domain.Output, Does.Match(@"Passed:\s+12\b"), "6 domain tests per module");
                Assert.That(unit.Output, Does.Match(@"Passed:\s+92\b"), "46 handler, validator and audit-name tests per module");
                Assert.That(integration.Output, Does.Match(@"Passed:\s+14\b"), "7 query tests per module on PostgreSQL");
                Assert.That(functional.Output, Does.Match(@"Passed:\s+8\b"), "4 functional tests per module");
            });
        }
        finally
        {
            if (Directory.Exists(hive))
            {
                Directory.Delete(hive, recursive: true);
            }
        }
    }
}
