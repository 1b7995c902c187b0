using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Infrastructure.ServerErrors;

/// <summary>
/// The problem response for a request Kestrel rejected before the application saw it (bad request line or target,
/// URL too long, headers too large, header timeout): Kestrel's status and its own headers, plus the security and
/// version headers and an RFC 9457 body with the members every problem of the API carries.
/// </summary>
internal sealed class ServerErrorProblem(int status, string? path, bool isHead)
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public int Status => status;

    /// <summary>
    /// Kestrel's response (<c>HTTP/1.1 {status} ...</c>, header-only, <c>Content-Length: 0</c>) with the problem added;
    /// null when <paramref name="response"/> is anything else, which is then sent as it is.
    /// </summary>
    public byte[]? TryRewrite(ReadOnlySpan<byte> response)
    {
        var statusLine = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} ");
        if (!response.StartsWith(statusLine) || response.IndexOf(HeaderEnd) != response.Length - HeaderEnd.Length)
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(response[..^HeaderEnd.Length]).Split("\r\n");
        var headers = lines.Skip(1).ToList();
        if (!headers.Remove("Content-Length: 0") || headers.Exists(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var requestId = UuidV7.Create().ToString("N");
        var body = isHead ? [] : Body(requestId);
        var output = new StringBuilder(lines[0]).Append("\r\n");
        foreach (var header in headers)
        {
            output.Append(header).Append("\r\n");
        }

        output.Append("Content-Type: ").Append(Http.MediaTypes.ProblemJson).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n")
            .Append("X-Frame-Options: DENY\r\n")
            .Append("Referrer-Policy: no-referrer\r\n")
            .Append("Content-Security-Policy: ").Append(SecurityHeadersMiddleware.ApiCsp).Append("\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("api-supported-versions: ").Append(ApiVersionLifecycleMiddleware.SupportedVersions).Append("\r\n")
            .Append(RequestIdMiddleware.HeaderName).Append(": ").Append(requestId).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(output.ToString()), .. body];
    }

    private byte[] Body(string requestId)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", ProblemTypes.For(status));
            json.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
            json.WriteNumber("status", status);
            json.WriteString("detail", DetailOf(status));

            // The path when Kestrel got that far (headers too large, header timeout); otherwise this occurrence's id.
            json.WriteString("instance", path is { Length: > 0 } && path[0] == '/' ? path : "urn:uuid:" + Guid.ParseExact(requestId, "N"));
            json.WriteString("traceId", ActivityTraceId.CreateRandom().ToHexString());
            json.WriteString("requestId", requestId);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string DetailOf(int status) => status switch
    {
        400 => "The server could not read the request: its request line, target or headers are malformed.",
        405 => "The method is not allowed for this request target.",
        408 => "The request headers did not arrive in time.",
        411 => "The request has a body but no Content-Length.",
        413 => "The request body is larger than the server accepts.",
        414 => "The request URL is longer than the server accepts.",
        431 => "The request headers are larger than the server accepts.",
        505 => "The HTTP version is not supported.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
