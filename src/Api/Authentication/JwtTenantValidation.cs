using Microsoft.AspNetCore.Authentication.JwtBearer;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Security;

namespace QuoinApi.Api.Authentication;

/// <summary>
/// A signed token is not enough: its <c>tenant_id</c> must name a live tenant, exactly as an API key of a deleted tenant
/// stops working. Missing, repeated, non-UUID, unknown or deleted tenants are a 401. Platform-admin tokens carry the
/// <c>platform:admin</c> scope instead of a tenant. The check is a cached lookup (<see cref="LiveTenantCache"/>).
/// </summary>
internal static class JwtTenantValidation
{
    public const string NoTenant = "The bearer token has no tenant_id claim.";
    public const string MalformedTenant = "The bearer token's tenant_id is not a UUID.";
    public const string UnknownTenant = "The bearer token's tenant does not exist or was deleted.";

    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var tenantClaims = principal.FindAll(QuoinClaims.TenantId).ToArray();
        if (tenantClaims.Length == 0)
        {
            if (!CurrentPrincipal.HasScope(principal, Scopes.PlatformAdmin))
            {
                context.Fail(NoTenant);
            }

            return;
        }

        if (tenantClaims.Length > 1 || !Guid.TryParseExact(tenantClaims[0].Value, "D", out var tenantId))
        {
            context.Fail(MalformedTenant);
            return;
        }

        var liveness = context.HttpContext.RequestServices.GetRequiredService<TenantLivenessCheck>();
#if (IncludeRatePlans)
        if (await liveness.FindLiveAsync(tenantId, context.HttpContext.RequestAborted) is not { } caller)
        {
            context.Fail(UnknownTenant);
            return;
        }

        // The token's requests draw from its tenant's budget, on the tenant's plan.
        context.HttpContext.Features.Set(caller);
#else
        if (!await liveness.IsLiveAsync(tenantId, context.HttpContext.RequestAborted))
        {
            context.Fail(UnknownTenant);
        }
#endif
    }
}
