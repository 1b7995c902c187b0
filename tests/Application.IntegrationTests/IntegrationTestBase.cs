using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Auditing;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests;

/// <summary>
/// Sends requests through the real MediatR pipeline, each in its own DI scope (one request = one unit of work), as
/// a given tenant. The database is emptied before every test.
/// </summary>
public abstract class IntegrationTestBase
{
    protected static TestDatabase Database => IntegrationTestSetup.Database;

    protected static FakeTimeProvider Clock => IntegrationTestSetup.Clock;

    [SetUp]
    public Task ResetDatabaseAsync() => Database.ResetAsync();

    protected static Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request, Guid? tenantId = null, params string[] scopes) =>
        SendWithKeyAsync(request, idempotencyKey: null, tenantId, scopes);

    /// <summary>As the API does for a POST or PATCH carrying <c>Idempotency-Key</c>.</summary>
    protected static async Task<Result<T>> SendWithKeyAsync<T>(IRequest<Result<T>> request, string? idempotencyKey, Guid? tenantId = null, params string[] scopes)
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().IdempotencyKey = idempotencyKey;
        var principal = scope.ServiceProvider.GetRequiredService<TestPrincipal>();
        principal.TenantId = tenantId;
        principal.ActorId = "test-actor";
        principal.Scopes = (scopes.Length == 0 ? Domain.Common.Scopes.All : scopes).ToHashSet(StringComparer.Ordinal);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>
    /// Runs the audit sealer (no host runs it here) until no committed entry is left unsealed. A pass may leave entries
    /// for later while another transaction on the cluster is still open below them, so it retries briefly.
    /// </summary>
    protected static async Task SealAuditAsync(AuditSealer? sealer = null)
    {
        sealer ??= IntegrationTestSetup.Services.GetRequiredService<AuditSealer>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await sealer.SealCommittedAsync(CancellationToken.None);
            if (await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE sequence IS NULL") == 0)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "Committed audit entries were not sealed within 15 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Creates a tenant as a platform administrator would and returns its id.</summary>
    protected static async Task<Guid> CreateTenantAsync(string name = "Acme")
    {
        var created = await SendAsync(new Tenants.CreateTenant.CreateTenantCommand(name));
        Assert.That(created.IsSuccess, Is.True, created.Error?.Message);
        return created.Value.Id;
    }
}
