namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>
/// How the test database orders text (its default collation, which the text columns use), so expected orders are
/// computed the way PostgreSQL sorts, whatever locale the server was created with.
/// </summary>
public static class DatabaseCollation
{
    public static async Task<IComparer<string>> ComparerForAsync(IEnumerable<string> values)
    {
        var sorted = await IntegrationTestSetup.Database.ScalarAsync<string[]>(
            "SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT unnest($1::text[]) AS v) AS distinct_values", [values.Distinct().ToArray()]);
        var rank = (sorted ?? []).Select((value, index) => (value, index)).ToDictionary(p => p.value, p => p.index, StringComparer.Ordinal);
        return Comparer<string>.Create((a, b) => rank[a].CompareTo(rank[b]));
    }
}
