using Microsoft.Net.Http.Headers;
using QuoinApi.Application.Common.Concurrency;

namespace QuoinApi.Api.Http;

/// <summary>Strong entity tags from row versions (RFC 9110, section 8.8.3) and the conditional headers that use them.</summary>
internal static class EntityTags
{
    public static string Format(uint version) => $"\"{version}\"";

    /// <summary>Reads <c>If-Match</c>. Weak or malformed tags are kept as "present but matching nothing".</summary>
    public static IfMatch ReadIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return IfMatch.None;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return new IfMatch(true, false, []);
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return IfMatch.Wildcard;
        }

        var versions = tags
            .Where(t => !t.IsWeak)
            .Select(t => uint.TryParse(t.Tag.AsSpan().Trim('"'), out var version) ? version : (uint?)null)
            .OfType<uint>()
            .ToArray();
        return new IfMatch(true, false, versions);
    }

    /// <summary>True when <c>If-None-Match</c> names the current version (or <c>*</c>): answer 304.</summary>
    public static bool IfNoneMatchHits(HttpRequest request, uint version)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(Format(version));

        // If-None-Match uses weak comparison (RFC 9110, section 13.1.2).
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
