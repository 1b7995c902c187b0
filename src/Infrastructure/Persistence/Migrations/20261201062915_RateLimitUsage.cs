using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuoinApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RateLimitUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
