namespace QuoinApi.Api.Http;

/// <summary>Media types the API names in more than one place.</summary>
public static class MediaTypes
{
    /// <summary>RFC 9457 problem details: the body of every error response.</summary>
    public const string ProblemJson = "application/problem+json";
}
