namespace QuoinApi.Application.Common.Abstractions;

/// <summary>Signs page tokens so a client cannot forge or alter a cursor (HMAC with a server-side key).</summary>
public interface IPageTokenProtector
{
    string Protect(byte[] payload);

    /// <summary>False for anything not minted by this service (any key in the configured ring).</summary>
    bool TryUnprotect(string token, out byte[] payload);
}
