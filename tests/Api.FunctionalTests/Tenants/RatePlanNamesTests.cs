using QuoinApi.Api.Contracts.V1;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Api.FunctionalTests.Tenants;

/// <summary>The contract names every plan of the domain, and every name is a plan: neither enum can drift alone.</summary>
public sealed class RatePlanNamesTests
{
    [Test]
    public void Every_domain_plan_has_a_contract_name_that_maps_back([Values] RatePlan plan) =>
        Assert.That(plan.ToContract().ToDomain(), Is.EqualTo(plan));

    [Test]
    public void Every_contract_name_is_a_domain_plan_of_the_same_name([Values] RatePlanName name) =>
        Assert.That(name.ToDomain().ToString(), Is.EqualTo(name.ToString()));
}
