using QuoinApi.Architecture.Tests.OpenApi;

namespace QuoinApi.Architecture.Tests.Templates;

/// <summary>
/// <c>dotnet new quoinapi-usecase</c> (templates/usecase) writes code that builds, passes the architecture tests as they
/// are, and passes its own tests: proven in a copy of the working tree. It builds the whole solution (several minutes on
/// two cores), so it runs only when asked: <c>bash build/template-check.sh</c> (or QUOIN_TEMPLATE_TESTS=1).
/// </summary>
public sealed class UseCaseTemplateTests
{
    private static readonly string[] Generated =
    [
        "src/Application/Products/ArchiveProduct/ArchiveProductCommand.cs",
        "src/Application/Products/ArchiveProduct/ArchiveProductHandler.cs",
        "src/Application/Products/ArchiveProduct/ArchiveProductValidator.cs",
        "src/Api/Controllers/Products/ArchiveProductController.cs",
        "tests/Application.UnitTests/Products/ArchiveProduct/ArchiveProductHandlerTests.cs",
        "tests/Application.UnitTests/Products/ArchiveProduct/ArchiveProductValidatorTests.cs",
        "src/Application/Products/GetProductSummary/GetProductSummaryQuery.cs",
        "src/Application/Products/GetProductSummary/GetProductSummaryResult.cs",
        "src/Application/Products/GetProductSummary/GetProductSummaryHandler.cs",
        "src/Application/Products/GetProductSummary/GetProductSummaryValidator.cs",
        "src/Api/Controllers/Products/GetProductSummaryController.cs",
        "tests/Application.IntegrationTests/Products/GetProductSummary/GetProductSummaryHandlerTests.cs",
        "tests/Application.UnitTests/Products/GetProductSummary/GetProductSummaryValidatorTests.cs",
    ];

    [Test]
    [CancelAfter(2_400_000)]
    public void Generated_use_cases_build_pass_the_architecture_tests_and_their_own_tests()
    {
        if (Environment.GetEnvironmentVariable("QUOIN_TEMPLATE_TESTS") != "1")
        {
            Assert.Ignore("Builds a copy of the whole solution (minutes on two cores): run bash build/template-check.sh, or set QUOIN_TEMPLATE_TESTS=1.");
        }

        using var copy = RepositoryCopy.Create();
        var hive = copy.Root + "-hive";
        var environment = new Dictionary<string, string>
        {
            // The copy's integration tests get databases of their own, beside the ones this run uses.
            ["QUOIN_TEST_DATABASE_SUFFIX"] = "_usecase_template",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        ProcessRun Step(string what, params string[] arguments)
        {
            var run = ProcessRun.Of(copy.Root, environment, "dotnet", arguments);
            TestContext.Out.WriteLine($"{what}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:F0} s");
            Assert.That(run.ExitCode, Is.Zero, $"{what} failed:\n{run.Tail()}");
            return run;
        }

        try
        {
            Step("install", "new", "install", Path.Combine(copy.Root, "templates", "usecase"), "--debug:custom-hive", hive);
            Step("command", "new", "quoinapi-usecase", "--name", "ArchiveProduct", "--feature", "Products", "--kind", "command",
                "--summary", "Archive a product", "--debug:custom-hive", hive);
            Step("query", "new", "quoinapi-usecase", "--name", "GetProductSummary", "--feature", "Products", "--kind", "query",
                "--summary", "Get a product's summary", "--debug:custom-hive", hive);
            Assert.That(Generated.Where(file => !File.Exists(Path.Combine(copy.Root, file))), Is.Empty, "files the template should have written");

            Step("build", "build", "QuoinApi.sln", "-c", "Release", "--disable-build-servers", "-nologo", "-clp:ErrorsOnly");
            var architecture = Step("architecture tests", "test", "tests/Architecture.Tests", "-c", "Release", "--no-build", "--nologo",
                "--filter", "FullyQualifiedName!~.Templates.&FullyQualifiedName!~OpenApiLintTests&FullyQualifiedName!~TypeScriptClientTests");
            var unit = Step("unit tests", "test", "tests/Application.UnitTests", "-c", "Release", "--no-build", "--nologo",
                "--filter", "FullyQualifiedName~.ArchiveProduct.|FullyQualifiedName~.GetProductSummary.");
            var integration = Step("integration tests", "test", "tests/Application.IntegrationTests", "-c", "Release", "--no-build", "--nologo",
                "--filter", "FullyQualifiedName~.GetProductSummary.");

            Assert.Multiple(() =>
            {
                Assert.That(architecture.Output, Does.Match(@"Passed:\s+[1-9]\d*"), "the architecture tests ran");
                Assert.That(unit.Output, Does.Match(@"Passed:\s+6\b"), "2 handler and 4 validator tests");
                Assert.That(integration.Output, Does.Match(@"Passed:\s+3\b"), "3 query handler tests on PostgreSQL");
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
