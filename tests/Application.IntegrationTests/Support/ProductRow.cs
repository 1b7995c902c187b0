namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>A product row as stored, read back with SQL, for checks that a refused command changed nothing.</summary>
public sealed record ProductRow(string Sku, string Name, DateTime? DeletedAt, DateTime UpdatedAt)
{
    public static async Task<ProductRow> ReadAsync(Guid id)
    {
        var database = IntegrationTestSetup.Database;
        return new ProductRow(
            (await database.ScalarAsync<string>("SELECT sku FROM products WHERE id = $1", id))!,
            (await database.ScalarAsync<string>("SELECT name FROM products WHERE id = $1", id))!,
            await database.ScalarAsync<DateTime?>("SELECT deleted_at FROM products WHERE id = $1", id),
            await database.ScalarAsync<DateTime>("SELECT updated_at FROM products WHERE id = $1", id));
    }
}
