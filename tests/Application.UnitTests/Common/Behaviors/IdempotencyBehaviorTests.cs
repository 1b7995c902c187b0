using System.Text.Json;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Tenants.CreateTenant;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Common.Behaviors;

/// <summary>
/// The behaviour is generic over commands, so its tests use commands of their own (<see cref="CreateItemCommand"/>,
/// <see cref="PatchItemCommand"/>) rather than a feature's: they hold in every solution the template generates.
/// </summary>
public sealed class IdempotencyBehaviorTests
{
    public sealed record ItemDto(
        Guid Id, string Code, string Name, string? Description, decimal Price, string Currency, IReadOnlyList<string> Tags,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
    {
        /// <summary>The row version, as a versioned resource's DTO carries it for its ETag.</summary>
        public uint Version { get; init; }
    }

    public sealed record CreateItemCommand(
        string Code, string Name, string? Description, decimal? Price, string Currency, IReadOnlyList<string>? Tags) : ICommand<ItemDto>;

    public sealed record ItemPatch(string? Name = null, string? Description = null, IReadOnlyList<string>? Tags = null);

    public sealed record PatchItemCommand(Guid Id, ItemPatch Patch, IfMatch? Precondition = null) : ICommand<ItemDto>;

    private const string Key = "0b6a1d2e-key";
    private static readonly Guid TenantId = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly CreateItemCommand Create = new("SKU-1", "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]);
    private static readonly ItemDto Created = new(Guid.CreateVersion7(), "SKU-1", "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"], At, At, null)
    {
        Version = 7,
    };

    private FakeIdempotencyStore _store = null!;
    private FakePrincipal _principal = null!;
    private RequestContext _requestContext = null!;
    private int _nextCalls;

    [SetUp]
    public void SetUp()
    {
        _store = new FakeIdempotencyStore();
        _principal = new FakePrincipal();
        _principal.ActAsTenant(TenantId, Scopes.KeysManage);
        _requestContext = new RequestContext { RequestId = "req-1", IdempotencyKey = Key };
        _nextCalls = 0;
    }

    private Task<TResponse> Run<TRequest, TResponse>(TRequest request, Func<TResponse> handler)
        where TRequest : ICommandBase
        where TResponse : IResult<TResponse> =>
        new IdempotencyBehavior<TRequest, TResponse>(_store, _principal, _requestContext)
            .Handle(request, CancellationToken.None, () =>
            {
                _nextCalls++;
                return Task.FromResult(handler());
            });

    private Task<Result<ItemDto>> RunCreate(Result<ItemDto> outcome) => Run(Create, () => outcome);

    private byte[] FingerprintOf(CreateItemCommand command) =>
        IdempotencyBehavior<CreateItemCommand, Result<ItemDto>>.Fingerprint(command, _principal.ActorId);

    [Test]
    public async Task A_command_without_a_key_only_runs_the_handler()
    {
        _requestContext.IdempotencyKey = null;
        Result<ItemDto> ok = Created;

        var result = await RunCreate(ok);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(ok));
            Assert.That(_nextCalls, Is.EqualTo(1));
            Assert.That(_store.Claims, Is.Empty);
            Assert.That(_store.Completions, Is.Empty);
        }
    }

    [Test]
    public async Task A_claimed_key_runs_the_handler_then_stores_the_serialized_result_for_the_callers_tenant()
    {
        Result<ItemDto> ok = Created;

        var result = await RunCreate(ok);

        var claim = _store.Claims.Single();
        var completion = _store.Completions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(ok));
            Assert.That(_nextCalls, Is.EqualTo(1));
            Assert.That(_requestContext.IdempotentReplay, Is.False);
            Assert.That(claim.TenantId, Is.EqualTo(TenantId));
            Assert.That(claim.Key, Is.EqualTo(Key));
            Assert.That(claim.RequestHash, Is.EqualTo(FingerprintOf(Create)));
            Assert.That(completion.TenantId, Is.EqualTo(TenantId));
            Assert.That(completion.Key, Is.EqualTo(Key));
            Assert.That(completion.RequestHash, Is.EqualTo(claim.RequestHash));
            Assert.That(completion.RequestName, Is.EqualTo(nameof(CreateItemCommand)));
            Assert.That(completion.ContainsSecret, Is.False);
            Assert.That(JsonSerializer.Deserialize<JsonElement>(completion.Response).GetProperty("Id").GetGuid(), Is.EqualTo(Created.Id));
        }
    }

    [Test]
    public async Task A_platform_caller_claims_without_a_tenant()
    {
        _principal.ActAsPlatformAdmin();

        await RunCreate(Created);

        Assert.That(_store.Claims.Single().TenantId, Is.Null);
        Assert.That(_store.Completions.Single().TenantId, Is.Null);
    }

    [Test]
    public async Task A_result_carrying_a_secret_is_stored_as_containing_a_secret()
    {
        var rotated = new ApiKeyCreatedDto(Guid.CreateVersion7(), "CI", "qk_live_secret", "qk_live_ab", [Scopes.AuditRead], At, null);

        await Run(new RotateApiKeyCommand(Guid.CreateVersion7(), 60), () => (Result<ApiKeyCreatedDto>)rotated);

        var completion = _store.Completions.Single();
        Assert.That(completion.ContainsSecret, Is.True);
        Assert.That(completion.RequestName, Is.EqualTo(nameof(RotateApiKeyCommand)));
    }

    [Test]
    public async Task A_new_tenant_with_its_owner_key_is_stored_as_containing_a_secret()
    {
#if (IncludeRatePlans)
        var created = new CreateTenantResponse(Guid.CreateVersion7(), "Acme", RatePlan.Pro, At, At,
            new OwnerApiKeyDto(Guid.CreateVersion7(), "qk_live_secret", Scopes.TenantScopes));
#else
        var created = new CreateTenantResponse(Guid.CreateVersion7(), "Acme", At, At,
            new OwnerApiKeyDto(Guid.CreateVersion7(), "qk_live_secret", Scopes.TenantScopes));
#endif
        _principal.ActAsPlatformAdmin();

#if (IncludeRatePlans)
        await Run(new CreateTenantCommand("Acme", RatePlan.Pro), () => (Result<CreateTenantResponse>)created);
#else
        await Run(new CreateTenantCommand("Acme"), () => (Result<CreateTenantResponse>)created);
#endif

        Assert.That(_store.Completions.Single().ContainsSecret, Is.True);
    }

    [TestCase(ErrorKind.Validation)]
    [TestCase(ErrorKind.NotFound)]
    [TestCase(ErrorKind.Conflict)]
    [TestCase(ErrorKind.Forbidden)]
    [TestCase(ErrorKind.IdempotencyKeyReused)]
    public async Task A_failed_command_is_not_completed(ErrorKind kind)
    {
        Result<ItemDto> failure = new Error(kind, "item.failed", "It failed.");

        var result = await RunCreate(failure);

        Assert.That(result, Is.SameAs(failure));
        Assert.That(_store.Claims, Has.Count.EqualTo(1));
        Assert.That(_store.Completions, Is.Empty);
    }

    [Test]
    public void A_command_that_throws_is_not_completed()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Run<CreateItemCommand, Result<ItemDto>>(Create, () => throw new InvalidOperationException()));

        Assert.That(_store.Completions, Is.Empty);
    }

    [Test]
    public async Task A_key_still_in_flight_is_a_conflict_and_the_handler_does_not_run()
    {
        _store.NextClaim = new IdempotencyClaim(IdempotencyClaimStatus.InFlight);

        var result = await RunCreate(Created);

        ResultAssert.Failed(result, ErrorKind.Conflict, "idempotency.in_flight");
        Assert.That(_nextCalls, Is.Zero);
        Assert.That(_store.Completions, Is.Empty);
        Assert.That(_requestContext.IdempotentReplay, Is.False);
    }

    [Test]
    public async Task A_key_reused_for_another_request_fails_and_the_handler_does_not_run()
    {
        _store.NextClaim = new IdempotencyClaim(IdempotencyClaimStatus.Mismatch);

        var result = await RunCreate(Created);

        ResultAssert.Failed(result, ErrorKind.IdempotencyKeyReused, "idempotency.key_reused");
        Assert.That(_nextCalls, Is.Zero);
        Assert.That(_store.Completions, Is.Empty);
    }

    [Test]
    public async Task A_stored_response_that_cannot_be_replayed_is_a_conflict_never_a_rerun()
    {
        _store.NextClaim = new IdempotencyClaim(IdempotencyClaimStatus.Unreplayable);

        var result = await RunCreate(Created);

        ResultAssert.Failed(result, ErrorKind.Conflict, "idempotency.unreplayable");
        Assert.That(_nextCalls, Is.Zero);
        Assert.That(_store.Completions, Is.Empty);
    }

    [Test]
    public async Task A_replay_returns_the_stored_result_without_running_the_handler()
    {
        await RunCreate(Created);
        _store.NextClaim = new IdempotencyClaim(IdempotencyClaimStatus.Replay, _store.Completions.Single().Response);
        _requestContext = new RequestContext { RequestId = "req-2", IdempotencyKey = Key };

        var replayed = ResultAssert.Succeeded(await RunCreate(Error.Conflict("item.code_taken", "would run again")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_nextCalls, Is.EqualTo(1), "only the first request ran the handler");
            Assert.That(_requestContext.IdempotentReplay, Is.True);
            Assert.That(_store.Completions, Has.Count.EqualTo(1), "a replay stores nothing");
            Assert.That(replayed, Is.EqualTo(Created with { Tags = replayed.Tags }));
            Assert.That(replayed.Tags, Is.EqualTo(Created.Tags));
            Assert.That(replayed.Version, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task A_replayed_secret_comes_back_whole()
    {
        var rotated = new ApiKeyCreatedDto(Guid.CreateVersion7(), "CI", "qk_live_secret", "qk_live_ab", [Scopes.AuditRead], At, At.AddDays(30));
        var command = new RotateApiKeyCommand(Guid.CreateVersion7(), null);
        await Run(command, () => (Result<ApiKeyCreatedDto>)rotated);
        _store.NextClaim = new IdempotencyClaim(IdempotencyClaimStatus.Replay, _store.Completions.Single().Response);

        var replayed = ResultAssert.Succeeded(await Run(command, () => (Result<ApiKeyCreatedDto>)Error.NotFound("api_key")));

        Assert.That(replayed, Is.EqualTo(rotated with { Scopes = replayed.Scopes }));
        Assert.That(replayed.Scopes, Is.EqualTo(rotated.Scopes));
    }

    [Test]
    public async Task A_replayed_command_without_a_value_succeeds()
    {
        var command = new RevokeApiKeyCommand(Guid.CreateVersion7());
        await Run(command, () => (Result<Success>)Success.Value);
        _store.NextClaim = new IdempotencyClaim(IdempotencyClaimStatus.Replay, _store.Completions.Single().Response);

        var result = await Run(command, () => (Result<Success>)Error.NotFound("api_key"));

        Assert.That(ResultAssert.Succeeded(result), Is.EqualTo(Success.Value));
        Assert.That(_nextCalls, Is.EqualTo(1));
    }

    [Test]
    public void The_fingerprint_is_the_same_for_equal_requests() =>
        Assert.That(FingerprintOf(Create with { Tags = ["tools", "metal"] }), Is.EqualTo(FingerprintOf(Create)));

    [Test]
    public void The_fingerprint_differs_when_any_member_differs()
    {
        CreateItemCommand[] variants =
        [
            Create,
            Create with { Code = "SKU-2" },
            Create with { Name = "Gadget" },
            Create with { Description = null },
            Create with { Price = 12.51m },
            Create with { Price = null },
            Create with { Currency = "USD" },
            Create with { Tags = ["metal", "tools"] },
            Create with { Tags = null },
        ];

        var fingerprints = variants.Select(c => Convert.ToHexString(FingerprintOf(c))).ToList();

        Assert.That(fingerprints, Is.Unique);
    }

    [Test]
    public void The_fingerprint_covers_nested_members_and_the_precondition()
    {
        var id = Guid.CreateVersion7();
        PatchItemCommand[] variants =
        [
            new(id, new ItemPatch(Name: "Widget")),
            new(id, new ItemPatch(Name: "Gadget")),
            new(id, new ItemPatch(Name: "Widget", Description: "Blue")),
            new(id, new ItemPatch(Name: "Widget", Tags: ["tools"])),
            new(id, new ItemPatch(Name: "Widget"), IfMatch.For(3)),
            new(id, new ItemPatch(Name: "Widget"), IfMatch.For(4)),
            new(Guid.CreateVersion7(), new ItemPatch(Name: "Widget")),
        ];

        var fingerprints = variants.Select(c => Convert.ToHexString(IdempotencyBehavior<PatchItemCommand, Result<ItemDto>>.Fingerprint(c, "key:1"))).ToList();

        Assert.That(fingerprints, Is.Unique);
    }

    [Test]
    public void Commands_of_different_types_with_equal_members_have_different_fingerprints()
    {
        var id = Guid.CreateVersion7();
        var revoke = new RevokeApiKeyCommand(id);
        var delete = new DeleteTenantCommand(id);
        Assert.That(JsonSerializer.Serialize(revoke), Is.EqualTo(JsonSerializer.Serialize(delete)), "the members alone are equal");

        Assert.That(
            IdempotencyBehavior<RevokeApiKeyCommand, Result<Success>>.Fingerprint(revoke, "key:1"),
            Is.Not.EqualTo(IdempotencyBehavior<DeleteTenantCommand, Result<Success>>.Fingerprint(delete, "key:1")));
    }

    [Test]
    public void The_same_command_from_another_credential_has_another_fingerprint()
    {
        var command = new RevokeApiKeyCommand(Guid.CreateVersion7());

        // Another key of the same tenant reusing an Idempotency-Key gets a 422, never the first caller's stored response.
        Assert.That(
            IdempotencyBehavior<RevokeApiKeyCommand, Result<Success>>.Fingerprint(command, "key:1"),
            Is.Not.EqualTo(IdempotencyBehavior<RevokeApiKeyCommand, Result<Success>>.Fingerprint(command, "key:2")));
    }

    [Test]
    public async Task The_claim_carries_the_request_fingerprint_so_a_changed_request_can_be_told_apart()
    {
        await RunCreate(Created);
        await RunCreate(Created);
        await Run(Create with { Price = 13m }, () => (Result<ItemDto>)Created);

        Assert.That(_store.Claims[0].RequestHash, Is.EqualTo(_store.Claims[1].RequestHash));
        Assert.That(_store.Claims[2].RequestHash, Is.Not.EqualTo(_store.Claims[0].RequestHash));
    }
}
