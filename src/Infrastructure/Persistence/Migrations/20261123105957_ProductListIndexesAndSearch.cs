using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace QuoinApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProductListIndexesAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_tenant_id_created_at_id",
                table: "products");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "products",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_search_vector",
                table: "products",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_products_tenant_id_created_at_id",
                table: "products",
                columns: new[] { "tenant_id", "created_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_products_tenant_id_name_id",
                table: "products",
                columns: new[] { "tenant_id", "name", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_products_tenant_id_price_id",
                table: "products",
                columns: new[] { "tenant_id", "price", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_products_tenant_id_updated_at_id",
                table: "products",
                columns: new[] { "tenant_id", "updated_at", "id" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_products_search_vector",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_tenant_id_created_at_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_tenant_id_name_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_tenant_id_price_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_tenant_id_updated_at_id",
                table: "products");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "products");

            migrationBuilder.CreateIndex(
                name: "ix_products_tenant_id_created_at_id",
                table: "products",
                columns: new[] { "tenant_id", "created_at", "id" },
                descending: new[] { false, true, true });
        }
    }
}
