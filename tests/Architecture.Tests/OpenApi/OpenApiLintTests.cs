namespace QuoinApi.Architecture.Tests.OpenApi;

/// <summary>
/// Both documents lint clean (0 errors, 0 warnings) under Redocly's <c>recommended</c> ruleset, with the CLI version
/// pinned in build/openapi-lint. Ignored, with the reason, where Node.js is not installed.
/// </summary>
public sealed class OpenApiLintTests
{
    [Test]
    [CancelAfter(600_000)]
    public void Both_documents_lint_clean_under_redocly_recommended()
    {
        var lint = new NodeProject(RepositoryFiles.PathOf("build", "openapi-lint"));
        lint.RequireInstalled();

        var (exitCode, output) = lint.RunScript("lint");

        TestContext.Out.WriteLine(output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("Your API descriptions are valid"), output);
            Assert.That(output, Does.Not.Match(@"You have \d+ warning"), output);
        });
    }
}
