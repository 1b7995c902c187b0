using System.Text.Json;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>A newly issued key: its id, its secret (shown once) and the whole 201 body.</summary>
public sealed record CreatedApiKey(Guid Id, string Key, JsonElement Body);
