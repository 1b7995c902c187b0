using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuoinApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProductVersionCountedByTheAggregate : Migration
    {
        /// <summary>
        /// The product's version moves from xmin (PostgreSQL's system column, known only after the write) to a column
        /// the aggregate counts (ADR 0015). Existing rows start at 1: an ETag a client kept from before no longer
        /// matches, and its conditional write gets a 412, the safe answer.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "products",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            // Only the existing rows take the default: every insert names its version.
            migrationBuilder.Sql("ALTER TABLE products ALTER COLUMN version DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "version", table: "products");
        }
    }
}
