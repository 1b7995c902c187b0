namespace QuoinApi.Application.Usage;

#if (IncludeEvents)
/// <summary>The points of a month's quota that are reported once per period: 80 % used (<c>quota.warning</c>) and all used (<c>quota.exhausted</c>).</summary>
#else
/// <summary>The points of a month's quota that are reported once per period: 80 % used and all used.</summary>
#endif
public enum QuotaThreshold
{
    Warning,
    Exhausted,
}
