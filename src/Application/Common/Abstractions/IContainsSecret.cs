namespace QuoinApi.Application.Common.Abstractions;

/// <summary>Marks a response that carries a secret (a new API key); its stored copy is encrypted.</summary>
public interface IContainsSecret;
