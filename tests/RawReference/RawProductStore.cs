using Npgsql;
using NpgsqlTypes;

namespace QuoinApi.RawReference;

/// <summary>A product row and its version, which the API serves as the ETag.</summary>
internal readonly record struct RawRow(RawProduct Product, uint Version);

/// <summary>The SQL of each endpoint, on one <see cref="NpgsqlDataSource"/>: one statement (or one batch) per request.</summary>
internal sealed class RawProductStore(NpgsqlDataSource dataSource)
{
    /// <summary>The list page size the API defaults to; one row more tells whether there is a next page.</summary>
    public const int PageSize = 20;

    private const string Columns = "id, sku, name, description, price, currency, tags, created_at, updated_at, deleted_at, version";

    private const string GetSql =
        "SELECT " + Columns + " FROM products WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL";

    private const string FirstPageSql =
        "SELECT " + Columns + " FROM products WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 21";

    private const string InsertProductSql = """
        INSERT INTO products (id, tenant_id, sku, name, description, price, currency, tags, created_at, created_by, updated_at, updated_by, version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10, 1)
        """;

    private const string InsertAuditSql = """
        INSERT INTO audit_log (id, tenant_id, occurred_at, actor, action, resource_type, resource_id, summary)
        VALUES ($1, $2, $3, $4, 'products.create', 'product', $5, $6)
        """;

#if (IncludeEvents)
    private const string InsertOutboxSql = """
        INSERT INTO events (id, tenant_id, type, occurred_at, data)
        VALUES ($1, $2, 'product.created', $4, $3)
        """;

#endif
    private const string Actor = "raw-reference";

    /// <summary>A new product's version, as the API's aggregate counts it.</summary>
    private const uint FirstVersion = 1;

    public async Task<RawRow?> GetAsync(Guid id, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(GetSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The first keyset page of the default sort (newest first), and whether a 21st row exists.</summary>
    public async Task<(List<RawProduct> Items, bool HasMore)> FirstPageAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FirstPageSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<RawProduct>(PageSize);
        var hasMore = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == PageSize)
            {
                hasMore = true;
                break;
            }

            items.Add(Read(reader).Product);
        }

        return (items, hasMore);
    }

    /// <summary>The product alone, one autocommit insert.</summary>
    public async Task<uint> InsertSingleAsync(Guid tenantId, RawProduct product, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertProductSql);
        AddProductParameters(command.Parameters, tenantId, product);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return FirstVersion;
    }

#if (IncludeEvents)
    /// <summary>
    /// What a create must make durable: the product, its audit row and its outbox row. Sent as one batch without an
    /// explicit transaction: the statements before the batch's single Sync run as one implicit transaction, so this
    /// is one round trip and one commit, and a failing statement rolls back all three.
    /// </summary>
    public async Task<uint> InsertDurableAsync(
        Guid tenantId, RawProduct product, string payload, string summary, CancellationToken cancellationToken)
#else
    /// <summary>
    /// What a create must make durable: the product and its audit row. Sent as one batch without an explicit
    /// transaction: the statements before the batch's single Sync run as one implicit transaction, so this is one round
    /// trip and one commit, and a failing statement rolls back both.
    /// </summary>
    public async Task<uint> InsertDurableAsync(Guid tenantId, RawProduct product, string summary, CancellationToken cancellationToken)
#endif
    {
        await using var batch = dataSource.CreateBatch();

        var insertProduct = new NpgsqlBatchCommand(InsertProductSql);
        AddProductParameters(insertProduct.Parameters, tenantId, product);
        batch.BatchCommands.Add(insertProduct);

        var insertAudit = new NpgsqlBatchCommand(InsertAuditSql);
        insertAudit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        insertAudit.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        insertAudit.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = product.CreatedAt });
        insertAudit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Actor });
        insertAudit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = product.Id.ToString() });
        insertAudit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = summary, NpgsqlDbType = NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(insertAudit);

#if (IncludeEvents)
        var insertOutbox = new NpgsqlBatchCommand(InsertOutboxSql);
        insertOutbox.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        insertOutbox.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        insertOutbox.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Jsonb });
        insertOutbox.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = product.CreatedAt });
        batch.BatchCommands.Add(insertOutbox);

#endif
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return FirstVersion;
    }

    private static void AddProductParameters(NpgsqlParameterCollection parameters, Guid tenantId, RawProduct product)
    {
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = product.Id });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = product.Sku });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = product.Name });
        parameters.Add(new NpgsqlParameter { Value = (object?)product.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        parameters.Add(new NpgsqlParameter<decimal> { TypedValue = RawMoneyUnits.ToMajor(product.Price.AmountMinor) });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = product.Price.Currency });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = product.Tags });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = product.CreatedAt });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = Actor });
    }

    private static RawRow Read(NpgsqlDataReader reader) => new(
        new RawProduct(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            new RawMoney(RawMoneyUnits.ToMinor(reader.GetDecimal(4)), reader.GetString(5)),
            reader.GetFieldValue<string[]>(6),
            reader.GetFieldValue<DateTimeOffset>(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)),
        (uint)reader.GetInt64(10));
}

/// <summary>
/// Minor units of a two-decimal currency: the column is numeric(12,2) and the load data is in EUR. (The API knows
/// every currency's exponent; the reference does not need to.)
/// </summary>
internal static class RawMoneyUnits
{
    public static long ToMinor(decimal major) => (long)(major * 100m);

    public static decimal ToMajor(long minor) => minor / 100m;
}
