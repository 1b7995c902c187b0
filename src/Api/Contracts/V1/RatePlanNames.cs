using QuoinApi.Domain.Tenants;

namespace QuoinApi.Api.Contracts.V1;

/// <summary>
/// The contract's rate plan names and the domain's plans, mapped member by member: renaming a plan in the domain
/// cannot silently rename it on the wire (a test checks that the mapping covers both enums).
/// </summary>
public static class RatePlanNames
{
    public static RatePlan ToDomain(this RatePlanName name) => name switch
    {
        RatePlanName.Free => RatePlan.Free,
        RatePlanName.Pro => RatePlan.Pro,
        RatePlanName.Enterprise => RatePlan.Enterprise,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown rate plan name."),
    };

    public static RatePlanName ToContract(this RatePlan plan) => plan switch
    {
        RatePlan.Free => RatePlanName.Free,
        RatePlan.Pro => RatePlanName.Pro,
        RatePlan.Enterprise => RatePlanName.Enterprise,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "Rate plan without a contract name."),
    };
}
