using QuoinApi.Architecture.Tests.OpenApi;

namespace QuoinApi.Architecture.Tests.Templates;

/// <summary>
/// <c>dotnet new quoinapi -n Acme.Orders</c> (the template at the repository root) gives a renamed solution that builds
/// and passes its architecture and unit tests, with no name of the original left. Builds a whole solution (minutes on two
/// cores), so it runs only when asked: the default one with QUOIN_TEMPLATE_TESTS=1, every option combination (the 16 of
/// <c>build/template-matrix.sh</c>, half an hour and more) with QUOIN_TEMPLATE_MATRIX=1 as well.
/// </summary>
public sealed class SolutionTemplateTests
{
    [Test]
    [CancelAfter(2_400_000)]
    public void The_default_solution_is_renamed_builds_and_passes_its_architecture_and_unit_tests()
    {
        if (Environment.GetEnvironmentVariable("QUOIN_TEMPLATE_TESTS") != "1")
        {
            Assert.Ignore("Builds a generated solution (minutes on two cores): run bash build/template-matrix.sh, or set QUOIN_TEMPLATE_TESTS=1.");
        }

        using var copy = RepositoryCopy.Create();
        var hive = copy.Root + "-hive";
        var output = copy.Root + "-acme";
        var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        ProcessRun Step(string what, string directory, params string[] arguments)
        {
            var run = ProcessRun.Of(directory, environment, "dotnet", arguments);
            TestContext.Out.WriteLine($"{what}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:F0} s");
            Assert.That(run.ExitCode, Is.Zero, $"{what} failed:\n{run.Tail()}");
            return run;
        }

        try
        {
            Step("install", copy.Root, "new", "install", ".", "--debug:custom-hive", hive);
            Step("generate", copy.Root, "new", "quoinapi", "-n", "Acme.Orders", "-o", output, "--debug:custom-hive", hive);

            var leftovers = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .Where(file => File.ReadAllText(file).Contains("quoinapi", StringComparison.OrdinalIgnoreCase)
                    || Path.GetFileName(file).Contains("QuoinApi", StringComparison.Ordinal))
                .Select(file => Path.GetRelativePath(output, file));
            Assert.That(leftovers, Is.Empty, "files that still name QuoinApi");
            Assert.That(File.Exists(Path.Combine(output, "Acme.Orders.sln")), Is.True);

            Step("build", output, "build", "Acme.Orders.sln", "-c", "Release", "--disable-build-servers", "-nologo", "-clp:ErrorsOnly");
            var architecture = Step("architecture tests", output, "test", "tests/Architecture.Tests", "-c", "Release", "--no-build", "--nologo",
                "--filter", "FullyQualifiedName!~.Templates.");
            var unit = Step("unit tests", output, "test", "tests/Domain.UnitTests", "-c", "Release", "--no-build", "--nologo");
            var application = Step("application unit tests", output, "test", "tests/Application.UnitTests", "-c", "Release", "--no-build", "--nologo");

            Assert.Multiple(() =>
            {
                Assert.That(architecture.Output, Does.Match(@"Passed:\s+[1-9]\d*"));
                Assert.That(unit.Output, Does.Match(@"Passed:\s+[1-9]\d*"));
                Assert.That(application.Output, Does.Match(@"Passed:\s+[1-9]\d*"));
            });
        }
        finally
        {
            foreach (var folder in new[] { hive, output }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    [CancelAfter(7_200_000)]
    public void Every_option_combination_builds_and_the_default_and_most_trimmed_pass_their_tests()
    {
        if (Environment.GetEnvironmentVariable("QUOIN_TEMPLATE_TESTS") != "1" || Environment.GetEnvironmentVariable("QUOIN_TEMPLATE_MATRIX") != "1")
        {
            Assert.Ignore("Generates and builds all 16 option combinations (half an hour and more on two cores): set QUOIN_TEMPLATE_TESTS=1 and QUOIN_TEMPLATE_MATRIX=1, or run bash build/template-matrix.sh.");
        }

        using var copy = RepositoryCopy.Create();

        // The script prints one row per combination (build, unit and architecture tests, whole suite) and exits non-zero
        // when any of them failed.
        var matrix = ProcessRun.Of(copy.Root, new Dictionary<string, string>(), "bash", "build/template-matrix.sh");

        TestContext.Out.WriteLine(matrix.Tail(40));
        Assert.That(matrix.ExitCode, Is.Zero, matrix.Tail(40));
        Assert.That(matrix.Output.Split('\n').Count(line => line.StartsWith("| --", StringComparison.Ordinal) || line.StartsWith("| (defaults)", StringComparison.Ordinal)),
            Is.EqualTo(2 * 16), "every combination is reported, once as it finishes and once in the table");
    }
}
