namespace QuoinApi.Api.Contracts.V1;

/// <summary>A tenant's rate plan as clients write and read it (<c>free</c>, <c>pro</c>, <c>enterprise</c>).</summary>
public enum RatePlanName
{
    Free,
    Pro,
    Enterprise,
}
