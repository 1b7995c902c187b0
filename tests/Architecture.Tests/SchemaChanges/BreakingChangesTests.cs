using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace QuoinApi.Architecture.Tests.SchemaChanges;

/// <summary>What the zero-downtime guard calls breaking, and what it lets through.</summary>
public sealed class BreakingChangesTests
{
    private static string[] Found(Action<MigrationBuilder> up)
    {
        var builder = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
        up(builder);
        return BreakingChanges.In(builder.Operations).Select(change => change.Target).ToArray();
    }

    [Test]
    public void Drops_and_renames_of_tables_and_columns_are_breaking()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Found(b => b.DropTable("items")), Is.EqualTo(new[] { "items" }));
            Assert.That(Found(b => b.DropColumn("description", "items")), Is.EqualTo(new[] { "items.description" }));
            Assert.That(Found(b => b.RenameColumn("name", "items", "title")), Is.EqualTo(new[] { "items.name" }));
            Assert.That(Found(b => b.RenameTable("items", newName: "things")), Is.EqualTo(new[] { "items" }));
        });
    }

    [Test]
    public void Narrowing_a_column_is_breaking()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Found(b => b.AlterColumn<string>("name", "items", type: "character varying(100)", nullable: false, oldType: "character varying(200)", oldNullable: false)),
                Is.EqualTo(new[] { "items.name" }),
                "shorter");
            Assert.That(
                Found(b => b.AlterColumn<string>("description", "items", type: "text", nullable: false, oldType: "text", oldNullable: true)),
                Is.EqualTo(new[] { "items.description" }),
                "NOT NULL");
            Assert.That(
                Found(b => b.AlterColumn<int>("stock", "items", type: "integer", nullable: false, oldClrType: typeof(long), oldType: "bigint")),
                Is.EqualTo(new[] { "items.stock" }),
                "smaller type");
            Assert.That(
                Found(b => b.AlterColumn<decimal>("price", "items", type: "numeric(12,2)", precision: 12, scale: 2, nullable: false, oldType: "numeric(12,4)", oldPrecision: 12, oldScale: 4)),
                Is.EqualTo(new[] { "items.price" }),
                "lower scale");
        });
    }

    [Test]
    public void Widening_a_column_or_adding_what_old_code_ignores_is_not_breaking()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Found(b => b.AlterColumn<string>("name", "items", type: "character varying(300)", nullable: false, oldType: "character varying(200)", oldNullable: false)), Is.Empty);
            Assert.That(Found(b => b.AlterColumn<string>("name", "items", type: "text", nullable: false, oldType: "character varying(200)", oldNullable: false)), Is.Empty);
            Assert.That(Found(b => b.AlterColumn<long>("stock", "items", type: "bigint", nullable: false, oldClrType: typeof(int), oldType: "integer")), Is.Empty);
            Assert.That(Found(b => b.AddColumn<string>("color", "items", type: "text", nullable: true)), Is.Empty);
            Assert.That(Found(b => b.AddColumn<int>("stock", "items", type: "integer", nullable: false, defaultValue: 0)), Is.Empty);
            Assert.That(Found(b => b.DropIndex("ix_items_sku", "items")), Is.Empty);
        });
    }

    [Test]
    public void Nullable_columns_and_required_columns_without_a_default_are_breaking()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Found(b => b.AlterColumn<long>("sequence", "audit_log", type: "bigint", nullable: true, oldType: "bigint", oldNullable: false)),
                Is.EqualTo(new[] { "audit_log.sequence" }),
                "old readers expect a value");
            Assert.That(Found(b => b.AddColumn<int>("stock", "items", type: "integer", nullable: false)), Is.EqualTo(new[] { "items.stock" }));
            Assert.That(
                Found(b =>
                {
                    b.CreateTable("stock", table => new { id = table.Column<Guid>(type: "uuid", nullable: false) });
                    b.AddColumn<int>("level", "stock", type: "integer", nullable: false);
                }),
                Is.Empty,
                "a table of the same migration is new to everyone");
        });
    }

    [Test]
    public void Raw_sql_is_read_too()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Found(b => b.Sql("DROP TABLE IF EXISTS webhooks;")), Is.EqualTo(new[] { "webhooks" }));
            Assert.That(Found(b => b.Sql("ALTER TABLE items DROP COLUMN description, ADD COLUMN stock integer NOT NULL;")), Is.EqualTo(new[] { "items.description", "items.stock" }));
            Assert.That(Found(b => b.Sql("alter table items alter column name set not null")), Is.EqualTo(new[] { "items.name" }));
            Assert.That(Found(b => b.Sql("ALTER TABLE items ALTER COLUMN price TYPE numeric(10,2)")), Is.EqualTo(new[] { "items.price" }));
            Assert.That(Found(b => b.Sql("ALTER TABLE items RENAME COLUMN name TO title")), Is.EqualTo(new[] { "items.name" }));
            Assert.That(Found(b => b.Sql("ALTER TABLE items RENAME TO things")), Is.EqualTo(new[] { "items" }));
        });
    }

    [Test]
    public void Raw_sql_that_only_expands_is_not_breaking()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Found(b => b.Sql("ALTER TABLE audit_log ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();")), Is.Empty);
            Assert.That(Found(b => b.Sql("ALTER TABLE audit_log ADD CONSTRAINT ck_sealed CHECK ((sequence IS NULL) = (hash IS NULL), true);")), Is.Empty);
            Assert.That(Found(b => b.Sql("CREATE INDEX ix_audit_log_unsealed ON audit_log (tx_id, id) WHERE sequence IS NULL;")), Is.Empty);
            Assert.That(Found(b => b.Sql("ALTER TABLE items DROP CONSTRAINT ck_items_price;")), Is.Empty);
        });
    }
}
