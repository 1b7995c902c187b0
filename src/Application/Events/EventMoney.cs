namespace QuoinApi.Application.Events;

/// <summary>A price in an event: minor units and currency, as in v2.</summary>
public sealed record EventMoney(long AmountMinor, string Currency);
