using System.Text;
using System.Text.Json;
using QuoinApi.Application.Events;

namespace QuoinApi.Infrastructure.Events;

/// <summary>The public envelope of an event: <c>{id, type, occurredAt, tenantId, data}</c> (docs/http-contract.md).</summary>
internal static class EventEnvelope
{
    public static string Write(Guid id, string type, DateTimeOffset occurredAt, Guid tenantId, string data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WriteString("occurredAt", EventJson.Timestamp(occurredAt));
            writer.WriteString("tenantId", tenantId);
            writer.WritePropertyName("data");
            writer.WriteRawValue(data, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
