using QuoinApi.Api.FunctionalTests.Contract.Conformance;

namespace QuoinApi.Api.FunctionalTests.Contract;

/// <summary>
/// The OpenAPI documents describe the API truthfully: requests generated from each document (valid ones, and ones
/// that break one schema keyword, drop a required member, carry no or the wrong credentials, name unknown ids, send
/// undocumented media types) get responses whose status, content type and body the same document describes.
/// </summary>
public sealed class OpenApiConformanceTests : FunctionalTestBase
{
    [TestCase("v1")]
    [TestCase("v2")]
    public async Task Every_response_to_generated_requests_matches_the_document(string version)
    {
        using var anonymous = Factory.CreateClient(apiKey: null);
        var document = new ApiDescriptionDocument(await anonymous.GetStringAsync($"/openapi/{version}.json"));
        var run = new ConformanceRun(Factory, document, version);
        await run.PrepareAsync();

        foreach (var operation in document.Operations)
        {
            await run.ExerciseAsync(operation);
        }

        TestContext.Out.WriteLine(run.Summary());
        Assert.That(document.Operations, Has.Count.GreaterThanOrEqualTo(DocumentedOperations), "every operation of the version is documented");
        Assert.That(run.ResponsesChecked, Is.EqualTo(run.Requests));
        Assert.That(run.Violations, Is.Empty, string.Join(Environment.NewLine, run.Violations.Take(60)));
    }

    /// <summary>
    /// The operations each version documents at least (a module adds its own): tenants, API keys and the audit log, and
    /// those of each feature the solution has.
    /// </summary>
    private const int DocumentedOperations = 4 + 5 + 2
#if (IncludeProducts)
        + 7 // products: create, list, get, replace, patch, delete, restore
#endif
#if (IncludeEvents)
        + 10 // webhooks (create, list, get, patch, delete, rotate-secret, ping, deliveries, replay) and the event stream
#endif
#if (IncludeRatePlans)
        + 4 // rate plans, usage, an API key's usage, a tenant's rate plan
#endif
        ;
}
