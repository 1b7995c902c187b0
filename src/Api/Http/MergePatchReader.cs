#if (IncludeProducts)
using System.Text.Json;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Domain.Common;
#endif

namespace QuoinApi.Api.Http;

#if (IncludeProducts)
/// <summary>
/// Reads an RFC 7396 merge patch of a product in a version's representation. A member set to null removes an
/// optional value (description; tags become empty); null for a required member, a wrong type or an unknown member
/// is a 400 naming the member.
/// </summary>
#else
/// <summary>The media type of RFC 7396 merge patches.</summary>
#endif
internal static class MergePatchReader
{
    public const string MediaType = "application/merge-patch+json";
#if (IncludeProducts)

    public static Result<ProductPatch> ReadV1(JsonElement document) =>
        Read(document, priceInMinorUnits: false, (name, value, patch, errors) => name switch
        {
            "price" => patch with { Price = Number(value, name, errors, v => v.GetDecimal()) },
            "currency" => patch with { Currency = RequiredString(value, name, errors) },
            _ => null,
        });

    public static Result<ProductPatch> ReadV2(JsonElement document) =>
        Read(document, priceInMinorUnits: true, (name, value, patch, errors) =>
        {
            if (name != "price")
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                errors["price"] = ["'price' must be an object {amountMinor, currency}; it cannot be removed."];
                return patch;
            }

            foreach (var member in value.EnumerateObject())
            {
                patch = member.Name switch
                {
                    "amountMinor" => patch with { AmountMinor = Number(member.Value, "price.amountMinor", errors, v => v.GetInt64()) },
                    "currency" => patch with { Currency = RequiredString(member.Value, "price.currency", errors) },
                    _ => Unknown(patch, "price." + member.Name, errors),
                };
            }

            return patch;
        });

    private delegate ProductPatch? VersionMember(string name, JsonElement value, ProductPatch patch, Dictionary<string, string[]> errors);

    private static Result<ProductPatch> Read(JsonElement document, bool priceInMinorUnits, VersionMember versionMember)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return Error.Validation("$", "A merge patch must be a JSON object.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var patch = new ProductPatch { PriceInMinorUnits = priceInMinorUnits };
        foreach (var member in document.EnumerateObject())
        {
            var value = member.Value;
            patch = versionMember(member.Name, value, patch, errors) ?? member.Name switch
            {
                "sku" => patch with { Sku = RequiredString(value, "sku", errors) },
                "name" => patch with { Name = RequiredString(value, "name", errors) },
                "description" => patch with { Description = OptionalString(value, "description", errors) },
                "tags" => patch with { Tags = Tags(value, errors) },
                _ => Unknown(patch, member.Name, errors),
            };
        }

        return errors.Count == 0 ? patch : Error.Validation(errors);
    }

    private static ProductPatch Unknown(ProductPatch patch, string member, Dictionary<string, string[]> errors)
    {
        errors[member] = [$"Unknown member '{member}'."];
        return patch;
    }

    private static Optional<string> RequiredString(JsonElement value, string member, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        errors[member] = [value.ValueKind == JsonValueKind.Null ? $"'{member}' is required and cannot be removed." : $"'{member}' must be a string."];
        return default;
    }

    private static Optional<string?> OptionalString(JsonElement value, string member, Dictionary<string, string[]> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return new Optional<string?>(true, null);
            case JsonValueKind.String:
                return value.GetString();
            default:
                errors[member] = [$"'{member}' must be a string or null."];
                return default;
        }
    }

    private static Optional<T> Number<T>(JsonElement value, string member, Dictionary<string, string[]> errors, Func<JsonElement, T> read)
    {
        try
        {
            if (value.ValueKind == JsonValueKind.Number)
            {
                return read(value);
            }
        }
        catch (FormatException)
        {
        }

        errors[member] = [value.ValueKind == JsonValueKind.Null ? $"'{member}' is required and cannot be removed." : $"'{member}' must be a number."];
        return default;
    }

    private static Optional<IReadOnlyList<string>> Tags(JsonElement value, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return new Optional<IReadOnlyList<string>>(true, []);
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String))
        {
            return new Optional<IReadOnlyList<string>>(true, [.. value.EnumerateArray().Select(t => t.GetString()!)]);
        }

        errors["tags"] = ["'tags' must be an array of strings or null."];
        return default;
    }
#endif
}
