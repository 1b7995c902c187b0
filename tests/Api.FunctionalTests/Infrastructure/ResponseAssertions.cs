using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>Reads and checks responses the way every test needs: JSON bodies, RFC 9457 problems, timestamps.</summary>
public static partial class ResponseAssertions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>The members every problem carries (docs/http-contract.md#1-conventions).</summary>
    public static readonly IReadOnlyList<string> ProblemMembers = ["type", "title", "status", "detail", "instance", "traceId"];

    /// <summary>RFC 3339 UTC with milliseconds, as the API writes every timestamp (docs/http-contract.md#1-conventions).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    public static partial Regex TimestampPattern();

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Is.Not.Empty, $"{(int)response.StatusCode} response has no body.");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.AssertStatusAsync(expected);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return await response.ReadJsonAsync();
    }

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 problem: status, content type and every member docs/http-contract.md#1-conventions names. Returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.AssertStatusAsync(expected);
        var problem = await response.ReadJsonAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemContentType));
            foreach (var member in ProblemMembers)
            {
                Assert.That(problem.TryGetProperty(member, out _), Is.True, $"problem member '{member}' is missing: {problem}");
            }

            if (problem.TryGetProperty("status", out var status))
            {
                Assert.That(status.GetInt32(), Is.EqualTo((int)expected));
            }

            foreach (var member in new[] { "type", "title", "detail", "instance", "traceId" })
            {
                if (problem.TryGetProperty(member, out var value))
                {
                    Assert.That(value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0, Is.True, $"'{member}' is empty: {problem}");
                }
            }
        }

        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name at least the given members.</summary>
    public static async Task<JsonElement> AssertValidationProblemAsync(this HttpResponseMessage response, params string[] members)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.TryGetProperty("errors", out var errors), Is.True, $"no 'errors' member: {problem}");
        Assert.That(errors.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(errors.MemberNames(), Is.SupersetOf(members), $"errors: {errors}");
        foreach (var member in members)
        {
            var messages = errors.GetProperty(member);
            Assert.That(messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0, Is.True, $"errors.{member}: {messages}");
        }

        return errors;
    }

    /// <summary>A problem's <c>detail</c>.</summary>
    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString() ?? string.Empty;

    public static IReadOnlyList<string> MemberNames(this JsonElement element) =>
        [.. element.EnumerateObject().Select(property => property.Name)];

    public static string String(this JsonElement element, string member) =>
        element.GetProperty(member).GetString() ?? throw new AssertionException($"'{member}' is null in {element}");

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static IReadOnlyList<string> Strings(this JsonElement element, string member) =>
        [.. element.GetProperty(member).EnumerateArray().Select(item => item.GetString()!)];

    public static IReadOnlyList<JsonElement> Items(this JsonElement list) => [.. list.GetProperty("items").EnumerateArray()];

    /// <summary>Every value of a member with this name anywhere in the document.</summary>
    public static IEnumerable<JsonElement> FindMembers(this JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == name)
                    {
                        yield return property.Value;
                    }

                    foreach (var nested in property.Value.FindMembers(name))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var nested in element.EnumerateArray().SelectMany(item => item.FindMembers(name)))
                {
                    yield return nested;
                }

                break;
        }
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
