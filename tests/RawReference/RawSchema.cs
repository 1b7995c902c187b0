using Npgsql;

namespace QuoinApi.RawReference;

#if (IncludeEvents)
/// <summary>
/// The raw reference's own tables, created at start in its own database. <c>products</c> has the API's columns,
/// constraints and indexes (ProductConfiguration and its migrations), so an insert maintains the same indexes and the
/// same generated search vector; <c>audit_log</c> and <c>events</c> (the outbox) are the two rows a durable create adds.
/// </summary>
#else
/// <summary>
/// The raw reference's own tables, created at start in its own database. <c>products</c> has the API's columns,
/// constraints and indexes (ProductConfiguration and its migrations), so an insert maintains the same indexes and the
/// same generated search vector; <c>audit_log</c> is the row a durable create adds.
/// </summary>
#endif
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
        """;

#if (IncludeEvents)
    private const string OutboxDdl = """

        -- The API's outbox and event log (EventLogEntryConfiguration, migration EventsAndWebhooks): the same columns,
        -- defaults, checks and indexes, so the insert maintains what the API's does.
        CREATE TABLE IF NOT EXISTS events (
            id uuid PRIMARY KEY,
            tenant_id uuid,
            type varchar(64) NOT NULL,
            occurred_at timestamptz NOT NULL,
            data jsonb NOT NULL,
            target_subscription_id uuid,
            position bigint,
            published_at timestamptz,
            tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
            CONSTRAINT ck_events_published_together CHECK ((position IS NULL) = (published_at IS NULL))
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ix_events_position ON events (position);
        CREATE INDEX IF NOT EXISTS ix_events_published_at ON events (published_at) WHERE published_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_events_target_subscription_id ON events (target_subscription_id);
        CREATE INDEX IF NOT EXISTS ix_events_tenant_id_position ON events (tenant_id, position) WHERE position IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_events_unpublished ON events (tx_id, id) WHERE position IS NULL;
        """;
#endif

    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
#if (IncludeEvents)
        await using var command = dataSource.CreateCommand(Ddl + OutboxDdl);
#else
        await using var command = dataSource.CreateCommand(Ddl);
#endif
        await command.ExecuteNonQueryAsync();
    }
}
