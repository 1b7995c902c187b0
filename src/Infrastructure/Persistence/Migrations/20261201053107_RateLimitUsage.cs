using System;
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
            migrationBuilder.CreateTable(
                name: "api_key_usage",
                columns: table => new
                {
                    api_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    throttled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_key_usage", x => new { x.api_key_id, x.date });
                    table.CheckConstraint("ck_api_key_usage_requests", "requests >= 0");
                    table.CheckConstraint("ck_api_key_usage_throttled", "throttled >= 0");
                });

            migrationBuilder.CreateTable(
                name: "quota_notifications",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    threshold = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    used = table.Column<long>(type: "bigint", nullable: false),
                    quota = table.Column<long>(type: "bigint", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_notifications", x => new { x.tenant_id, x.period, x.threshold });
                });

            migrationBuilder.CreateTable(
                name: "usage_flush_batches",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    flushed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usage_flush_batches", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_key_usage_tenant_id_date",
                table: "api_key_usage",
                columns: new[] { "tenant_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_usage_flush_batches_flushed_at",
                table: "usage_flush_batches",
                column: "flushed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_key_usage");

            migrationBuilder.DropTable(
                name: "quota_notifications");

            migrationBuilder.DropTable(
                name: "usage_flush_batches");
        }
    }
}
