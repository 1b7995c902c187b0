using System.Text.Json.Nodes;
using QuoinApi.Api.Contracts.V1;
#if (IncludeProducts)
using QuoinApi.Api.Contracts.V2;
#endif
using QuoinApi.Api.Http;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.Audit.ListAuditLog;
using QuoinApi.Application.Common.Paging;
#if (IncludeProducts)
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.ListProducts;
#endif
using QuoinApi.Application.Tenants.ListTenants;
#if (IncludeEvents)
using QuoinApi.Application.Webhooks.ListWebhookDeliveries;
using QuoinApi.Application.Webhooks.ListWebhooks;
using QuoinApi.Domain.Events;
using QuoinApi.Domain.Webhooks;
#endif
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
#if (IncludeProducts)
using QuoinApi.Domain.Products;
#endif
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// What a request member or query parameter accepts, as the OpenAPI documents publish it. Every value comes from the
/// constants the FluentValidation validators and the strict binders use (the aggregates' rules, Paging, Scopes, ...),
/// so a limit changed in one place changes in both; the conformance test replays generated requests to prove they agree.
/// </summary>
internal sealed record MemberRule
{
    public bool Required { get; init; }

    /// <summary>Null is accepted (and means "absent", or "remove" in a merge patch).</summary>
    public bool Nullable { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>An ECMA-262 pattern, unanchored as JSON Schema reads it (anchor it when the whole value must match).</summary>
    public string? Pattern { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public decimal? MultipleOf { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    public MemberRule? Items { get; init; }

    public JsonNode? Example { get; init; }

    public JsonNode? Default { get; init; }

    public string? Description { get; init; }
}

internal static class ContractRules
{
    /// <summary>Text that is more than white space (the validators' "must not be empty").</summary>
    internal const string NotBlank = "\\S";

#if (IncludeProducts)
    private static readonly MemberRule Sku = new()
    {
        Required = true, MinLength = 1, MaxLength = ProductRules.SkuMaxLength, Pattern = "^[A-Z0-9_-]+$", Example = "SKU-1",
        Description = "A-Z, 0-9, '-' and '_'; unique per tenant among live products.",
    };

    private static readonly MemberRule ProductName = new()
    {
        Required = true, MinLength = 1, MaxLength = ProductRules.NameMaxLength, Pattern = NotBlank, Example = "Widget",
    };

    private static readonly MemberRule Description = new() { Nullable = true, MaxLength = ProductRules.DescriptionMaxLength, Example = "A useful widget." };

    private static readonly MemberRule CurrencyCode = new()
    {
        Required = true, Enum = Currency.Codes, Example = "EUR", Description = "ISO 4217 code.",
    };

    private static readonly MemberRule Tags = new()
    {
        Nullable = true, MaxItems = ProductRules.MaxTags, Items = new MemberRule { MinLength = 1, MaxLength = ProductRules.TagMaxLength },
        Example = new JsonArray("tools"),
    };

    private static readonly MemberRule DecimalPrice = new()
    {
        Required = true, Minimum = 0, Maximum = ProductRules.MaxPrice, MultipleOf = 0.01m, Example = 12.5,
        Description = $"Major units with at most {ProductRules.MaxPriceDecimals} decimals (and no more than the currency has).",
    };

    private static readonly MemberRule AmountMinor = new()
    {
        Required = true, Minimum = 0, Maximum = ProductRules.MaxPrice * Pow10(Currency.MaxMinorUnits), Example = 1250,
        Description = $"Minor units of the currency (1250 EUR = 12.50 EUR); at most {ProductRules.MaxPrice:0} in major units.",
    };

#endif
#if (IncludeEvents)
    private static readonly MemberRule WebhookUrl = new()
    {
        Required = true, MinLength = 1, MaxLength = WebhookSubscription.UrlMaxLength, Pattern = "^https?://", Example = "https://example.com/webhooks/quoinapi",
        Description = "Absolute https URL (http only where private networks are allowed) that resolves to public addresses only.",
    };

    private static readonly MemberRule WebhookEvents = new()
    {
        Required = true, MinItems = 1, MaxItems = WebhookSubscription.MaxEventTypes, Items = new MemberRule { Enum = EventTypes.Subscribable },
#if (IncludeProducts)
        Example = new JsonArray(EventTypes.ProductCreated),
#else
        Example = new JsonArray(EventTypes.ApiKeyCreated),
#endif
    };

    private static readonly MemberRule WebhookDescription = new() { Nullable = true, MaxLength = WebhookSubscription.DescriptionMaxLength, Example = "Order sync" };

#endif
    /// <summary>The modules' own parts of the contract (<see cref="IModuleContract"/>); declared first, as the tables below read it.</summary>
    private static readonly IModuleContract[] Modules = [.. typeof(ContractRules).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IModuleContract).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (IModuleContract)Activator.CreateInstance(type)!)];

    /// <summary>Request bodies, by the CLR type the generator names the schema after; the modules' after these.</summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlyDictionary<string, MemberRule>> RequestBodies = WithModules(new Dictionary<Type, IReadOnlyDictionary<string, MemberRule>>
    {
#if (IncludeProducts)
        [typeof(ProductRequestV1)] = new Dictionary<string, MemberRule>
        {
            ["sku"] = Sku, ["name"] = ProductName, ["description"] = Description, ["price"] = DecimalPrice, ["currency"] = CurrencyCode, ["tags"] = Tags,
        },
        [typeof(ProductRequestV2)] = new Dictionary<string, MemberRule>
        {
            ["sku"] = Sku, ["name"] = ProductName, ["description"] = Description, ["price"] = new() { Required = true }, ["tags"] = Tags,
        },
        [typeof(MoneyV2)] = new Dictionary<string, MemberRule> { ["amountMinor"] = AmountMinor, ["currency"] = CurrencyCode },
#endif
        [typeof(CreateTenantRequest)] = new Dictionary<string, MemberRule>
        {
            ["name"] = new() { Required = true, MinLength = 1, MaxLength = Tenant.NameMaxLength, Pattern = NotBlank, Example = "Acme" },
#if (IncludeRatePlans)
            ["ratePlan"] = new() { Nullable = true, Description = "Default free." },
#endif
        },
#if (IncludeRatePlans)
        [typeof(ChangeRatePlanRequest)] = new Dictionary<string, MemberRule> { ["ratePlan"] = new() { Required = true } },
#endif
        [typeof(CreateApiKeyRequest)] = new Dictionary<string, MemberRule>
        {
            ["name"] = new() { Required = true, MinLength = 1, MaxLength = ApiKey.NameMaxLength, Pattern = NotBlank, Example = "ci" },
#if (IncludeProducts)
            ["scopes"] = new() { Required = true, MinItems = 1, Items = new MemberRule { Enum = Scopes.TenantScopes }, Example = new JsonArray("products:read") },
#else
            ["scopes"] = new() { Required = true, MinItems = 1, Items = new MemberRule { Enum = Scopes.TenantScopes }, Example = new JsonArray("audit:read") },
#endif
            ["expiresAt"] = new() { Nullable = true, Description = "In the future; absent for a key that does not expire." },
        },
#if (IncludeEvents)
        [typeof(CreateWebhookRequest)] = new Dictionary<string, MemberRule>
        {
            ["url"] = WebhookUrl, ["events"] = WebhookEvents, ["description"] = WebhookDescription,
        },
        [typeof(UpdateWebhookRequest)] = new Dictionary<string, MemberRule>
        {
            ["url"] = WebhookUrl with { Required = false, Nullable = true },
            ["events"] = WebhookEvents with { Required = false, Nullable = true },
            ["enabled"] = new() { Nullable = true },
            ["description"] = WebhookDescription,
        },
        [typeof(RotateWebhookSecretRequest)] = new Dictionary<string, MemberRule>
        {
            ["gracePeriodSeconds"] = new()
            {
                Nullable = true, Minimum = 0, Maximum = (decimal)WebhookSubscription.MaxRotationGrace.TotalSeconds,
                Default = (long)WebhookSubscription.DefaultRotationGrace.TotalSeconds, Description = "How long the old secret keeps signing beside the new one.",
            },
        },
#endif
        [typeof(RotateApiKeyRequest)] = new Dictionary<string, MemberRule>
        {
            ["gracePeriodSeconds"] = new()
            {
                Nullable = true, Minimum = 0, Maximum = (decimal)ApiKey.MaxRotationGrace.TotalSeconds,
                Default = (long)ApiKey.DefaultRotationGrace.TotalSeconds, Description = "How long the old key keeps working.",
            },
        },
    });

#if (IncludeProducts)
    /// <summary>RFC 7396 merge patches of a product: every member optional; null removes description and tags. v2's
    /// price is an object of its own (<see cref="MoneyPatch"/>).</summary>
    public static IReadOnlyDictionary<string, MemberRule> ProductPatch(bool v2)
    {
        var members = new Dictionary<string, MemberRule>
        {
            ["sku"] = Sku with { Required = false },
            ["name"] = ProductName with { Required = false },
            ["description"] = Description,
            ["tags"] = Tags,
        };
        if (!v2)
        {
            members["price"] = DecimalPrice with { Required = false };
            members["currency"] = CurrencyCode with { Required = false };
        }

        return members;
    }

    /// <summary>The members of v2's <c>price</c> in a merge patch: each optional.</summary>
    public static IReadOnlyDictionary<string, MemberRule> MoneyPatch() => new Dictionary<string, MemberRule>
    {
        ["amountMinor"] = AmountMinor with { Required = false },
        ["currency"] = CurrencyCode with { Required = false },
    };

#endif
    /// <summary>Query parameters every list shares, and the filters of each list (<see cref="StrictValues"/> reads them).</summary>
    public static MemberRule? QueryParameter(string name) => name switch
    {
        "pageSize" => new() { Minimum = 1, Maximum = Paging.MaxPageSize, Default = Paging.DefaultPageSize },
        "pageToken" => new() { MaxLength = Paging.PageTokenMaxLength, Description = "The nextPageToken of the previous page." },
#if (IncludeProducts)
        "sku" => new() { MaxLength = ProductRules.SkuMaxLength },
        "tag" => new() { MaxLength = ProductRules.TagMaxLength },
        "q" => new() { MaxLength = ListProductsValidator.SearchTextMaxLength, Description = "Full-text search over name and description." },
        "minPrice" or "maxPrice" => new() { Minimum = 0, Description = "Decimal major units, e.g. 12.50." },
#endif
        "action" => new() { MaxLength = ListAuditLogValidator.ActionMaxLength },
        "resourceId" => new() { MaxLength = ListAuditLogValidator.ResourceIdMaxLength },
        _ => null,
    };

    /// <summary>The sort whitelist of a list, by the controller that serves it.</summary>
    public static IEnumerable<string>? SortFields(string controller, string action) => (controller, action) switch
    {
#if (IncludeEvents)
        ("Webhooks", "ListDeliveries") => ListWebhookDeliveriesQuery.SortFields.Names,
        ("Webhooks", _) => ListWebhooksQuery.SortFields.Names,
#endif
#if (IncludeProducts)
        ("Products", _) => ProductSorting.Fields.Names,
#endif
        ("ApiKeys", _) => ListApiKeysQuery.SortFields.Names,
        ("Tenants", _) => ListTenantsQuery.SortFields.Names,
        ("AuditLog", _) => ListAuditLogQuery.SortFields.Names,
        _ => Array.Find(Modules, module => module.Controller == controller)?.SortFields,
    };

    /// <summary>What a controller's single resources are called where their ETag is described; null when they have none.</summary>
#if (IncludeProducts)
    public static string? VersionedResource(string controller) =>
        controller == "Products" ? "product" : Array.Find(Modules, module => module.Controller == controller)?.Resource;
#else
    public static string? VersionedResource(string controller) =>
        Array.Find(Modules, module => module.Controller == controller)?.Resource;
#endif

    private static Dictionary<Type, IReadOnlyDictionary<string, MemberRule>> WithModules(Dictionary<Type, IReadOnlyDictionary<string, MemberRule>> bodies)
    {
        foreach (var (type, members) in Modules.SelectMany(module => module.RequestBodies))
        {
            bodies.Add(type, members);
        }

        return bodies;
    }
#if (IncludeProducts)

    private static decimal Pow10(int exponent) => Enumerable.Repeat(10m, exponent).Aggregate(1m, (product, ten) => product * ten);
#endif
}
