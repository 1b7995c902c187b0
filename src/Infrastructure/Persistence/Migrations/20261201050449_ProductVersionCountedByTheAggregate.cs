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

            // The default stays (the model does not need it: every insert names its version) so that instances of the
            // previous release, which do not know the column, can still insert during a rolling upgrade.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "version", table: "products");
        }
    }
}
