using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuoinApi.Api.Http;
using QuoinApi.Application.Audit.ListAuditLog;
using QuoinApi.Application.Audit.VerifyAuditLog;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Controllers.Audit;

/// <summary>The caller's tenant audit log: a hash chain of every state change and authorization denial.</summary>
[ApiVersion(1.0)]
[ApiVersion(2.0)]
[Route("api/v{version:apiVersion}/audit-log")]
[Authorize(Policy = Scopes.AuditRead)]
[ApiTag("The calling tenant's tamper-evident audit log: every state change and authorization denial, hash-chained.")]
public sealed class AuditLogController : ApiControllerBase
{
    /// <summary>Entries, newest first, with the shared list envelope; filter by action, resourceId and a time range.</summary>
    [ApiOperation("listAuditLogEntries", "List audit log entries")]
    [HttpGet]
    [ProducesResponseType<Application.Common.Paging.ListResult<Application.Audit.AuditEntryDto>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(
        [FromQuery] ListQueryParameters list,
        [FromQuery] string? action,
        [FromQuery] string? resourceId,
        [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to,
        CancellationToken cancellationToken) =>
        SendListAsync(new ListAuditLogQuery(list.ToListRequest(), new AuditLogFilter(action, resourceId, from?.ToUniversalTime(), to?.ToUniversalTime())),
            list, entry => entry, cancellationToken);

    /// <summary>Recomputes the chain: <c>{valid, entries, firstInvalidSequence?}</c>.</summary>
    [ApiOperation("verifyAuditLog", "Verify the audit log chain")]
    [HttpGet("verify")]
    [ProducesResponseType<AuditVerification>(StatusCodes.Status200OK)]
    public Task<IActionResult> Verify(CancellationToken cancellationToken) =>
        SendAsync(new VerifyAuditLogQuery(), Ok, cancellationToken);
}
