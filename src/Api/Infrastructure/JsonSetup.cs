using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QuoinApi.Api.Infrastructure;

/// <summary>Strict JSON (docs/http-contract.md#1-conventions): camelCase, lower-case enum strings, RFC 3339 UTC timestamps, unknown members rejected.</summary>
internal static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

        // {"sku":"A","sku":"B"} is a 400, not "the last one wins" (also for merge patches read as JsonElement).
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
    }

    /// <summary>Writes <c>2026-11-23T08:00:00.123Z</c>; reads only RFC 3339 timestamps with an offset (<see cref="Http.StrictValues"/>).</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Http.StrictValues.TryParseTimestamp(reader.GetString(), out var value)
                ? value
                : throw new JsonException("Timestamps are RFC 3339, e.g. 2026-11-23T08:00:00Z.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Turns model-binding failures (malformed JSON, wrong types, unknown members, bad query values) into one 400
    /// problem whose <c>errors</c> name camelCase members, without echoing parser or .NET type details.
    /// </summary>
    public static IActionResult InvalidModelState(ActionContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            // "request" (the body parameter itself) only repeats what the $-path entries say.
            if (bodyParameters.Contains(key) && context.ModelState.Keys.Any(k => k.StartsWith('$')))
            {
                continue;
            }

            var member = key switch
            {
                "" or "$" => "$",
                _ when key.StartsWith("$.", StringComparison.Ordinal) => key[2..],
                _ when bodyParameters.Contains(key) => "$",
                _ => char.ToLowerInvariant(key[0]) + key[1..],
            };
            errors[member] = [.. entry.Errors.Select(error => Describe(error, member)).Distinct(StringComparer.Ordinal)];
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(
            context.HttpContext, new ModelStateDictionary(), StatusCodes.Status400BadRequest,
            "The request is invalid.", detail: "See errors for the members that could not be read.");
        foreach (var (member, messages) in errors)
        {
            problem.Errors[member] = messages;
        }

        return new BadRequestObjectResult(problem);
    }

    private static string Describe(ModelError error, string member)
    {
        var text = error.Exception?.Message ?? error.ErrorMessage;
        return text switch
        {
            _ when text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                $"Unknown member '{member}'.",
            _ when text.Contains("non-empty request body is required", StringComparison.OrdinalIgnoreCase) =>
                "A JSON request body is required.",
            _ when text.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) =>
                $"Member '{member}' appears more than once.",
            _ when text.Contains("RFC 3339", StringComparison.Ordinal) =>
                $"'{member}' must be an RFC 3339 timestamp such as 2026-11-23T08:00:00Z.",
            _ when text.Contains("LineNumber", StringComparison.Ordinal) || text.Contains("Path:", StringComparison.Ordinal) =>
                "The body is not valid JSON here, or the value has the wrong type.",
            _ when member == "$" || text.Contains("invalid", StringComparison.OrdinalIgnoreCase) && text.Contains("JSON", StringComparison.Ordinal) =>
                "The body is not valid JSON.",
            _ when error.Exception is not null || text.Contains("could not be converted", StringComparison.Ordinal) =>
                "The value has the wrong type or format.",
            _ => text,
        };
    }
}
