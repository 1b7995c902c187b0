namespace QuoinApi.Application.Tenants.CreateTenant;

public sealed record OwnerApiKeyDto(Guid Id, string Key, IReadOnlyList<string> Scopes);
