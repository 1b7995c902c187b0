using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.CreateVersion7();

    private static ApiKey Issue(DateTimeOffset? expiresAt = null, params string[] scopes) =>
        ApiKey.Issue(TenantId, "CI", scopes.Length == 0 ? [Scopes.AuditRead] : scopes, expiresAt, ApiKeyEnvironment.Live, Now).Key;

    [Test]
    public void Issue_keeps_only_the_hash_and_prefix_of_the_returned_secret()
    {
        var (key, secret) = ApiKey.Issue(TenantId, "  CI  ", [" keys:manage", Scopes.AuditRead, Scopes.AuditRead], Now.AddDays(1), ApiKeyEnvironment.Test, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.TenantId, Is.EqualTo(TenantId));
            Assert.That(key.Name, Is.EqualTo("CI"));
            Assert.That(key.Scopes, Is.EqualTo(new[] { Scopes.AuditRead, Scopes.KeysManage }), "trimmed, deduplicated, sorted");
            Assert.That(key.ExpiresAt, Is.EqualTo(Now.AddDays(1)));
            Assert.That(key.SecretHash, Is.EqualTo(ApiKeySecret.HashOf(secret.Value)));
            Assert.That(key.Prefix, Is.EqualTo(secret.DisplayPrefix));
            Assert.That(secret.Value, Does.StartWith(ApiKeySecret.TestPrefix));
            Assert.That(key.Id.Version, Is.EqualTo(7), "UUIDv7 ids");
            Assert.That(key.DomainEvents.Single(), Is.EqualTo(new ApiKeyCreated(key.Id, TenantId, Now)));
        }
    }

    [Test]
    public void Key_without_expiry_is_active()
    {
        Assert.That(Issue().StateAt(Now.AddYears(10)), Is.EqualTo(ApiKeyState.Active));
    }

    [Test]
    public void Key_is_active_until_its_expiry_and_expired_from_it()
    {
        var key = Issue(expiresAt: Now.AddHours(1));

        Assert.That(key.StateAt(Now.AddHours(1).AddTicks(-1)), Is.EqualTo(ApiKeyState.Active));
        Assert.That(key.StateAt(Now.AddHours(1)), Is.EqualTo(ApiKeyState.Expired));
    }

    [Test]
    public void Revoked_key_is_revoked_even_once_it_would_have_expired()
    {
        var key = Issue(expiresAt: Now.AddHours(1));
        key.Revoke(Now);

        Assert.That(key.StateAt(Now), Is.EqualTo(ApiKeyState.Revoked));
        Assert.That(key.StateAt(Now.AddDays(1)), Is.EqualTo(ApiKeyState.Revoked));
    }

    [Test]
    public void Rotated_key_is_active_during_the_grace_period_and_expired_after_it()
    {
        var key = Issue();
        key.Rotate(TimeSpan.FromHours(1), ApiKeyEnvironment.Live, Now);

        Assert.That(key.StateAt(Now.AddHours(1).AddTicks(-1)), Is.EqualTo(ApiKeyState.Active));
        Assert.That(key.StateAt(Now.AddHours(1)), Is.EqualTo(ApiKeyState.Expired));
    }

    [Test]
    public void Rotate_issues_a_replacement_with_the_same_tenant_name_scopes_and_expiry()
    {
        var key = Issue(Now.AddDays(30), Scopes.KeysManage, Scopes.AuditRead);
        key.ClearDomainEvents();

        var (replacement, secret) = key.Rotate(TimeSpan.FromHours(2), ApiKeyEnvironment.Live, Now).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replacement.Id, Is.Not.EqualTo(key.Id));
            Assert.That(replacement.TenantId, Is.EqualTo(key.TenantId));
            Assert.That(replacement.Name, Is.EqualTo(key.Name));
            Assert.That(replacement.Scopes, Is.EqualTo(key.Scopes));
            Assert.That(replacement.ExpiresAt, Is.EqualTo(key.ExpiresAt));
            Assert.That(replacement.SecretHash, Is.EqualTo(secret.Hash()).And.Not.EqualTo(key.SecretHash));
            Assert.That(key.ReplacedByKeyId, Is.EqualTo(replacement.Id));
            Assert.That(key.GraceEndsAt, Is.EqualTo(Now.AddHours(2)));
            Assert.That(key.DomainEvents.Single(), Is.EqualTo(new ApiKeyRotated(key.Id, replacement.Id, TenantId, Now.AddHours(2), Now)));
        }
    }

    [Test]
    public void Rotating_a_key_twice_is_a_conflict()
    {
        var key = Issue();
        key.Rotate(TimeSpan.FromDays(1), ApiKeyEnvironment.Live, Now);

        var second = key.Rotate(TimeSpan.FromDays(1), ApiKeyEnvironment.Live, Now.AddMinutes(1));

        Assert.That(second.Error, Is.EqualTo(Error.Conflict("api_key.already_rotated", "The key was already rotated; rotate its replacement instead.")));
    }

    [Test]
    public void Rotating_a_rotated_key_after_its_grace_period_is_a_conflict()
    {
        var key = Issue();
        key.Rotate(TimeSpan.FromHours(1), ApiKeyEnvironment.Live, Now);

        var second = key.Rotate(TimeSpan.FromHours(1), ApiKeyEnvironment.Live, Now.AddHours(2));

        ResultAssert.Failed(second, ErrorKind.Conflict, "api_key.not_active");
    }

    [Test]
    public void Rotating_an_expired_key_is_a_conflict()
    {
        var key = Issue(expiresAt: Now);

        var rotation = key.Rotate(TimeSpan.FromHours(1), ApiKeyEnvironment.Live, Now);

        ResultAssert.Failed(rotation, ErrorKind.Conflict, "api_key.not_active");
        Assert.That(key.ReplacedByKeyId, Is.Null);
    }

    [Test]
    public void Rotating_a_revoked_key_is_a_conflict()
    {
        var key = Issue();
        key.Revoke(Now);

        var rotation = key.Rotate(TimeSpan.FromHours(1), ApiKeyEnvironment.Live, Now);

        ResultAssert.Failed(rotation, ErrorKind.Conflict, "api_key.not_active");
    }

    [Test]
    public void Grace_period_may_be_zero_or_seven_days()
    {
        ResultAssert.Succeeded(Issue().Rotate(TimeSpan.Zero, ApiKeyEnvironment.Live, Now));
        ResultAssert.Succeeded(Issue().Rotate(TimeSpan.FromDays(7), ApiKeyEnvironment.Live, Now));
        Assert.That(ApiKey.MaxRotationGrace, Is.EqualTo(TimeSpan.FromSeconds(604_800)));
        Assert.That(ApiKey.DefaultRotationGrace, Is.EqualTo(TimeSpan.FromSeconds(86_400)));
    }

    [Test]
    public void Grace_period_outside_zero_to_seven_days_is_rejected_and_leaves_the_key_unrotated()
    {
        var key = Issue();

        Assert.Throws<ArgumentOutOfRangeException>(() => key.Rotate(TimeSpan.FromTicks(-1), ApiKeyEnvironment.Live, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => key.Rotate(TimeSpan.FromDays(7).Add(TimeSpan.FromTicks(1)), ApiKeyEnvironment.Live, Now));
        Assert.That(key.ReplacedByKeyId, Is.Null);
    }

    [Test]
    public void Revoke_marks_the_key_revoked_and_deleted()
    {
        var key = Issue();
        key.ClearDomainEvents();

        key.Revoke(Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.RevokedAt, Is.EqualTo(Now));
            Assert.That(key.DeletedAt, Is.EqualTo(Now));
            Assert.That(key.DomainEvents.Single(), Is.EqualTo(new ApiKeyRevoked(key.Id, TenantId, Now)));
        }
    }

    [Test]
    public void Revoke_is_idempotent()
    {
        var key = Issue();
        key.ClearDomainEvents();
        key.Revoke(Now);

        key.Revoke(Now.AddHours(1));

        Assert.That(key.RevokedAt, Is.EqualTo(Now));
        Assert.That(key.DomainEvents, Has.Count.EqualTo(1));
    }

    [Test]
    public void Use_is_recorded_when_never_used_before() => Assert.That(ApiKey.ShouldRecordUse(null, Now), Is.True);

    [TestCase(0)]
    [TestCase(59_999)]
    public void Use_within_a_minute_of_the_last_one_is_not_recorded(int millisecondsLater) =>
        Assert.That(ApiKey.ShouldRecordUse(Now, Now.AddMilliseconds(millisecondsLater)), Is.False);

    [TestCase(60_000)]
    [TestCase(3_600_000)]
    public void Use_a_minute_or_more_after_the_last_one_is_recorded(int millisecondsLater) =>
        Assert.That(ApiKey.ShouldRecordUse(Now, Now.AddMilliseconds(millisecondsLater)), Is.True);

    [Test]
    public void HasScopes_requires_every_scope()
    {
        var key = Issue(null, Scopes.AuditRead, Scopes.KeysManage);

        Assert.That(key.HasScopes([Scopes.AuditRead, Scopes.KeysManage]), Is.True);
        Assert.That(key.HasScopes([Scopes.AuditRead, Scopes.PlatformAdmin]), Is.False);
        Assert.That(key.HasScopes([]), Is.True);
    }

    [Test]
    public void Bootstrap_key_is_a_platform_admin_key_holding_the_hash_of_the_configured_secret()
    {
        var secret = new string('s', ApiKeySecret.BootstrapMinLength);

        var key = ApiKey.Bootstrap(secret);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.TenantId, Is.Null);
            Assert.That(key.Scopes, Is.EqualTo(new[] { Scopes.PlatformAdmin }));
            Assert.That(key.SecretHash, Is.EqualTo(ApiKeySecret.HashOf(secret)));
            Assert.That(key.Prefix, Is.EqualTo("bootstrap"));
            Assert.That(key.ExpiresAt, Is.Null);
            Assert.That(key.StateAt(Now), Is.EqualTo(ApiKeyState.Active));
        }
    }

    [Test]
    public void Bootstrap_secret_in_the_key_format_shows_its_key_prefix()
    {
        var secret = ApiKeySecret.Generate(ApiKeyEnvironment.Live);

        Assert.That(ApiKey.Bootstrap(secret.Value).Prefix, Is.EqualTo(secret.DisplayPrefix));
    }

    [TestCase(0)]
    [TestCase(31)]
    public void Bootstrap_rejects_a_secret_shorter_than_32_characters(int length) =>
        Assert.Throws<ArgumentException>(() => ApiKey.Bootstrap(new string('s', length)));
}
