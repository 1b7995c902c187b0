using Npgsql;

namespace QuoinApi.RawReference;

/// <summary>
/// The raw reference's own tables, created at start in its own database. <c>products</c> has the API's columns,
/// constraints and indexes (ProductConfiguration and its migrations), so an insert maintains the same indexes and the
/// same generated search vector; <c>audit_log</c> and <c>outbox</c> are the two rows a durable create adds.
/// </summary>
internal static class RawSchema
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS tenants (
            id uuid PRIMARY KEY,
            name varchar(200) NOT NULL
        );

        CREATE TABLE IF NOT EXISTS products (
            id uuid PRIMARY KEY,
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            sku varchar(64) NOT NULL,
            name varchar(200) NOT NULL,
            description varchar(2000),
            price numeric(12,2) NOT NULL CHECK (price >= 0 AND price <= 1000000000),
            currency char(3) NOT NULL,
            tags text[] NOT NULL CHECK (cardinality(tags) <= 20),
            deleted_at timestamptz,
            created_at timestamptz NOT NULL,
            created_by varchar(128),
            updated_at timestamptz NOT NULL,
            updated_by varchar(128),
            version bigint NOT NULL,
            search_vector tsvector GENERATED ALWAYS AS
                (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))) STORED
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ix_products_tenant_id_sku ON products (tenant_id, sku) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_products_tenant_id_name_id ON products (tenant_id, name, id) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_products_tenant_id_price_id ON products (tenant_id, price, id) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_products_tenant_id_created_at_id ON products (tenant_id, created_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_products_tenant_id_updated_at_id ON products (tenant_id, updated_at, id) WHERE deleted_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_products_search_vector ON products USING gin (search_vector);

        CREATE TABLE IF NOT EXISTS audit_log (
            id uuid PRIMARY KEY,
            tenant_id uuid,
            occurred_at timestamptz NOT NULL,
            actor varchar(200) NOT NULL,
            action varchar(100) NOT NULL,
            resource_type varchar(50) NOT NULL,
            resource_id varchar(200),
            summary jsonb NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_audit_log_tenant_id_occurred_at_id ON audit_log (tenant_id, occurred_at, id);

        CREATE TABLE IF NOT EXISTS outbox (
            id uuid PRIMARY KEY,
            tenant_id uuid NOT NULL,
            topic varchar(100) NOT NULL,
            payload jsonb NOT NULL,
            created_at timestamptz NOT NULL,
            published_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_unpublished ON outbox (created_at, id) WHERE published_at IS NULL;
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync();
    }
}
