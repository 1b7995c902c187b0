using System.Linq.Expressions;
using Mapster;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Persistence;

/// <summary>
/// <see cref="CompiledList{TEntity, TFilter, TDto}"/> on PostgreSQL (ADR 0012): a compiled shape and a shape too large to
/// compile (more values than EF Core's 15 parameters, so the ordinary query) page exactly as the ordinary query does.
/// </summary>
public sealed class CompiledListTests : IntegrationTestBase
{
    private const string Excluded = "key-3";

    private static readonly CompiledList<ApiKey, ManyNames, ApiKeyDto> Keys = new(ListApiKeysQuery.SortFields);

    /// <summary>"name is not Nx", one filter per member: sixteen values, more than a compiled query takes.</summary>
    private static readonly ListFilter<ApiKey, ManyNames>[] NameIsNot = [.. Enumerable.Range(0, 16).Select(NameIsNotMember)];

    [TestCase(1, "name")]
    [TestCase(1, "-createdAt")]
    [TestCase(16, "name")]
    [TestCase(16, "-name,createdAt")]
    public async Task A_shape_pages_as_the_ordinary_query_does(int filters, string sort)
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 7; i++)
        {
            ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand($"key-{i}", [Scopes.AuditRead], null), tenant));
        }

        var values = new ManyNames(Excluded, "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none", "none");
        var shape = new ListShape<ApiKey, ManyNames>();
        foreach (var filter in NameIsNot.Take(filters))
        {
            shape.Where(true, filter);
        }

        var compiled = await WalkAsync(tenant, sort, (services, request) => services.GetRequiredService<KeysetPager>().PageAsync(
            services.GetRequiredService<IReadDbContext>(), Keys, shape, values, request, "keys", services.GetRequiredService<TypeAdapterConfig>(), CancellationToken.None));
        var ordinary = await WalkAsync(tenant, sort, (services, request) => services.GetRequiredService<KeysetPager>().PageAsync(
            services.GetRequiredService<IReadDbContext>().ApiKeys.Where(k => k.Name != Excluded), ListApiKeysQuery.SortFields, request, "keys",
            rows => rows.ProjectToDto<ApiKeyDto>(services.GetRequiredService<TypeAdapterConfig>()), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Select(k => k.Id), Is.EqualTo(ordinary.Select(k => k.Id)));
            Assert.That(compiled.Select(k => k.Name), Does.Not.Contain(Excluded));
            Assert.That(compiled, Has.Count.GreaterThanOrEqualTo(6), "the six other keys, on several pages of two");
        });
    }

    private static async Task<List<ApiKeyDto>> WalkAsync(
        Guid tenant, string sort, Func<IServiceProvider, ListRequest, Task<Result<ListResult<ApiKeyDto>>>> readPage)
    {
        var pages = await Pages.WalkAsync(token => AsCallerAsync(tenant, services => readPage(services, new ListRequest(2, token, sort))));
        return [.. pages.SelectMany(p => p.Items)];
    }

    private static ListFilter<ApiKey, ManyNames> NameIsNotMember(int index)
    {
        var key = Expression.Parameter(typeof(ApiKey), "k");
        var values = Expression.Parameter(typeof(ManyNames), "f");
        var body = Expression.NotEqual(Expression.Property(key, nameof(ApiKey.Name)), Expression.Property(values, $"N{index}"));
        return new ListFilter<ApiKey, ManyNames>($"not{index}", Expression.Lambda<Func<ApiKey, ManyNames, bool>>(body, key, values));
    }

    public sealed record ManyNames(
        string N0, string N1, string N2, string N3, string N4, string N5, string N6, string N7,
        string N8, string N9, string N10, string N11, string N12, string N13, string N14, string N15);
}
