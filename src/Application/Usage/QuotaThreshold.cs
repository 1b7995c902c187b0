namespace QuoinApi.Application.Usage;

/// <summary>The points of a month's quota that are reported once per period: 80 % used (<c>quota.warning</c>) and all used (<c>quota.exhausted</c>).</summary>
public enum QuotaThreshold
{
    Warning,
    Exhausted,
}
