namespace QuoinApi.Application.ModulePlural;

/// <summary>What the queries and commands return for an_item_phrase, with its version (the ETag); the API's representation leaves the version out of the body.</summary>
public sealed record ModuleNameDto(Guid Id, string Name, uint Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
