#if (IncludeJwt)
using System.Text;
#endif
using Microsoft.AspNetCore.Authentication;
#if (IncludeJwt)
using Microsoft.AspNetCore.Authentication.JwtBearer;
#endif
using Microsoft.AspNetCore.Authorization;
#if (IncludeJwt)
using Microsoft.IdentityModel.Tokens;
#endif
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Api.Authentication;

internal static class AuthenticationSetup
{
    public static IServiceCollection AddQuoinAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
#if (IncludeJwt)
        var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();

#endif
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "API key or JWT", options => options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { })
#if (IncludeJwt)
            .AddScheme<AuthenticationSchemeOptions, AmbiguousCredentialsHandler>(AuthSchemes.Ambiguous, _ => { })
            .AddJwtBearer(AuthSchemes.Jwt, options =>
            {
                // Keep claim names as issued (sub, scope, tenant_id): the same names API keys use.
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnTokenValidated = JwtTenantValidation.ValidateAsync };
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = true,
                    ValidAudience = jwt.Audience,
                    ValidateIssuer = true,
                    ValidIssuer = string.IsNullOrWhiteSpace(jwt.Authority) ? jwt.Issuer : jwt.Authority,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = QuoinClaims.Subject,
                };
                if (!string.IsNullOrWhiteSpace(jwt.Authority))
                {
                    options.Authority = jwt.Authority;
                }
                else if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
                {
                    options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
                }
                else
                {
                    // No issuer configured: every JWT fails validation rather than being trusted.
                    options.TokenValidationParameters.SignatureValidator = (_, _) => throw new SecurityTokenSignatureKeyNotFoundException();
                }
            });
#else
            .AddScheme<AuthenticationSchemeOptions, AmbiguousCredentialsHandler>(AuthSchemes.Ambiguous, _ => { });
#endif

        services.AddAuthorization(options => options.AddScopePolicies());
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentPrincipal, CurrentPrincipal>();
        return services;
    }

#if (IncludeJwt)
    /// <summary>A JWT has three dot-separated parts; anything else presented is treated as an API key.</summary>
#else
    /// <summary>Whatever is presented is treated as an API key (a malformed one is a 401).</summary>
#endif
    private static string SelectScheme(HttpContext context)
    {
        if (AmbiguousCredentialsHandler.AreAmbiguous(context.Request))
        {
            return AuthSchemes.Ambiguous;
        }

        if (context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader))
        {
            return AuthSchemes.ApiKey;
        }

#if (IncludeJwt)
        var presented = ApiKeyAuthenticationHandler.PresentedKey(context.Request);
        return presented is not null && presented.Count(c => c == '.') == 2 && !presented.StartsWith("qk_", StringComparison.Ordinal)
            ? AuthSchemes.Jwt
            : AuthSchemes.ApiKey;
#else
        return AuthSchemes.ApiKey;
#endif
    }
}
