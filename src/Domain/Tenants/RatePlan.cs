namespace QuoinApi.Domain.Tenants;

/// <summary>Commercial tiers; limits per plan are configuration.</summary>
public enum RatePlan
{
    Free,
    Pro,
    Enterprise,
}
