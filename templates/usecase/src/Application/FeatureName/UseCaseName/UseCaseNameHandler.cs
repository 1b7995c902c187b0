#if (isCommand)
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.FeatureName.UseCaseName;

/// <summary>
/// Runs inside the command's transaction (UnitOfWorkBehavior) with validation, idempotency and audit around it. Load the
/// EntityName through its repository, call the aggregate, and save once.
/// </summary>
public sealed class UseCaseNameHandler(ICurrentPrincipal principal, IUnitOfWork unitOfWork) : ICommandHandler<UseCaseNameCommand, Success>
{
    public async Task<Result<Success>> Handle(UseCaseNameCommand request, CancellationToken cancellationToken)
    {
        if (principal.TenantId is null)
        {
            return Error.Forbidden("feature_code.tenant_required", "Only a tenant's credentials can do this.");
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Success.Value;
    }
}
#else
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.FeatureName.UseCaseName;

/// <summary>Reads untracked through IReadDbContext (tenant and soft-delete filters apply) and projects in SQL.</summary>
public sealed class UseCaseNameHandler(IReadDbContext db) : IQueryHandler<UseCaseNameQuery, UseCaseNameResult>
{
    public async Task<Result<UseCaseNameResult>> Handle(UseCaseNameQuery request, CancellationToken cancellationToken)
    {
        var found = await db.FeatureName
            .Where(row => row.Id == request.Id)
            .Select(row => new UseCaseNameResult(row.Id))
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? Error.NotFound("feature_code") : found;
    }
}
#endif
