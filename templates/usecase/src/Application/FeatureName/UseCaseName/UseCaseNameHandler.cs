#if (isCommand)
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.FeatureName.UseCaseName;

/// <summary>
/// Runs inside the command's transaction with validation, idempotency and audit around it. Load the EntityName through
/// its repository and call the aggregate; handlers never save: the commit writes the changes, the audit entry and the
/// idempotency record in one batch.
/// </summary>
public sealed class UseCaseNameHandler(ICurrentPrincipal principal) : ICommandHandler<UseCaseNameCommand, Success>
{
    public Task<Result<Success>> Handle(UseCaseNameCommand request, CancellationToken cancellationToken)
    {
        if (principal.TenantId is null)
        {
            return Task.FromResult<Result<Success>>(Error.Forbidden("feature_code.tenant_required", "Only a tenant's credentials can do this."));
        }

        return Task.FromResult<Result<Success>>(Success.Value);
    }
}
#else
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.FeatureName;

namespace QuoinApi.Application.FeatureName.UseCaseName;

/// <summary>Reads untracked through IReadDbContext (tenant and soft-delete filters apply) and projects in SQL.</summary>
public sealed class UseCaseNameHandler(IReadDbContext db) : IQueryHandler<UseCaseNameQuery, UseCaseNameResult>
{
    public async Task<Result<UseCaseNameResult>> Handle(UseCaseNameQuery request, CancellationToken cancellationToken)
    {
        var found = await db.Query<EntityName>()
            .Where(row => row.Id == request.Id)
            .Select(row => new UseCaseNameResult(row.Id))
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? Error.NotFound("feature_code") : found;
    }
}
#endif
