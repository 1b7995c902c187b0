namespace QuoinApi.Api.Contracts.V2;

/// <summary>v2 money: an integer amount in the currency's minor units (1250 EUR = 12.50 EUR).</summary>
public sealed record MoneyV2(long? AmountMinor, string? Currency);
