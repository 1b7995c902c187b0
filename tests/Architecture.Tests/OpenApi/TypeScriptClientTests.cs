namespace QuoinApi.Architecture.Tests.OpenApi;

/// <summary>
/// The TypeScript client under clients/typescript is generated from docs/api/openapi-v2.json as committed (regenerate
/// with <c>npm run generate</c> there), and its typed example type-checks against it. Ignored, with the reason, where
/// Node.js is not installed.
/// </summary>
public sealed class TypeScriptClientTests
{
    [Test]
    [CancelAfter(600_000)]
    public void The_generated_client_is_current_and_the_example_type_checks()
    {
        var client = new NodeProject(RepositoryFiles.PathOf("clients", "typescript"));
        client.RequireInstalled();

        var current = client.RunScript("generate:check");
        var typeCheck = client.RunScript("typecheck");

        Assert.Multiple(() =>
        {
            Assert.That(current.ExitCode, Is.Zero, "src/schema.d.ts is not what openapi-typescript generates from docs/api/openapi-v2.json: run npm run generate in clients/typescript.\n" + current.Output);
            Assert.That(typeCheck.ExitCode, Is.Zero, "tsc --noEmit:\n" + typeCheck.Output);
        });
    }
}
