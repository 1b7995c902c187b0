using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuoinApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SealedAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_log_tenant_id_sequence",
                table: "audit_log");

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "audit_log",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<byte[]>(
                name: "previous_hash",
                table: "audit_log",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AlterColumn<byte[]>(
                name: "hash",
                table: "audit_log",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.CreateTable(
                name: "audit_chain_heads",
                columns: table => new
                {
                    chain = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_chain_heads", x => x.chain);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_tenant_id_sequence",
                table: "audit_log",
                columns: new[] { "tenant_id", "sequence" },
                unique: true,
                filter: "sequence IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            // Outside the EF model (ADR 0014): the writer's transaction id orders sealing, and the partial index finds
            // what is left to seal. Existing rows are already sealed; their tx_id is never read.
            migrationBuilder.Sql("ALTER TABLE audit_log ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();");
            migrationBuilder.Sql("CREATE INDEX ix_audit_log_unsealed ON audit_log (tx_id, id) WHERE sequence IS NULL;");
            migrationBuilder.Sql("""
                ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_sealed_together
                CHECK ((sequence IS NULL) = (hash IS NULL) AND (sequence IS NULL) = (previous_hash IS NULL));
                """);
            migrationBuilder.Sql("""
                INSERT INTO audit_chain_heads (chain, sequence, hash)
                SELECT DISTINCT ON (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'))
                       coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), sequence, hash
                FROM audit_log
                ORDER BY coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), sequence DESC;
                """);
        }

        /// <inheritdoc />
        /// <remarks>Going back needs every entry sealed first: unsealed rows have no sequence to keep.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_sealed_together;");
            migrationBuilder.Sql("DROP INDEX ix_audit_log_unsealed;");
            migrationBuilder.Sql("ALTER TABLE audit_log DROP COLUMN tx_id;");

            migrationBuilder.DropTable(
                name: "audit_chain_heads");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_tenant_id_sequence",
                table: "audit_log");

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "audit_log",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "previous_hash",
                table: "audit_log",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "hash",
                table: "audit_log",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_tenant_id_sequence",
                table: "audit_log",
                columns: new[] { "tenant_id", "sequence" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
