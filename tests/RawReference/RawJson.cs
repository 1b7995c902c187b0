using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoinApi.RawReference;

/// <summary>A product exactly as the API's v2 shows it (ProductV2): price in minor units, nulls left out.</summary>
internal sealed record RawProduct(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    RawMoney Price,
    string[] Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt);

internal sealed record RawMoney(long AmountMinor, string Currency);

/// <summary>A list page as the API shows it.</summary>
internal sealed record RawPage(IReadOnlyList<RawProduct> Items, string? NextPageToken);

/// <summary>A v2 create body.</summary>
internal sealed record RawProductRequest(string? Sku, string? Name, string? Description, RawMoneyRequest? Price, string[]? Tags);

internal sealed record RawMoneyRequest(long? AmountMinor, string? Currency);

/// <summary>The audit row's jsonb summary of a create.</summary>
internal sealed record RawAuditSummary(string Sku, string Name, RawMoney Price);

/// <summary>System.Text.Json source generation: no reflection on the hot path. The API's conventions: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(RawProduct))]
[JsonSerializable(typeof(RawPage))]
[JsonSerializable(typeof(RawProductRequest))]
[JsonSerializable(typeof(RawAuditSummary))]
internal sealed partial class RawJsonContext : JsonSerializerContext;

/// <summary>The API's timestamp format: <c>2026-11-23T08:00:00.123Z</c>, formatted without an intermediate string.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> utf8 = stackalloc byte[24];
        value.UtcDateTime.TryFormat(utf8, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(utf8[..written]);
    }
}
