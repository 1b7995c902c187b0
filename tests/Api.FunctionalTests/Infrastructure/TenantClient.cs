namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>A tenant created for a test, with an HTTP client that authenticates as its owner key.</summary>
public sealed record TenantClient(Guid TenantId, Guid OwnerKeyId, string OwnerKey, HttpClient Http) : IDisposable
{
    public void Dispose() => Http.Dispose();
}
