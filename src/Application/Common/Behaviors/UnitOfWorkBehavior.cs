using MediatR;
using Microsoft.Extensions.Logging;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Auditing;
using QuoinApi.Application.Common.Exceptions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>
/// Runs each command in one transaction: its effects, its idempotency claim and its audit entry are saved in one batch
/// at commit, or nothing is. A failed result rolls back; a denial (Forbidden) is then audited in a transaction of its
/// own. A unique index that refuses the commit is the error the handler named for it in <see cref="ExpectedConflicts"/>.
/// </summary>
public sealed partial class UnitOfWorkBehavior<TRequest, TResponse>(
    ITransactionManager transactions,
    IAuditTrail auditTrail,
    ICurrentPrincipal principal,
    RequestContext context,
    AfterCommit afterCommit,
    ExpectedConflicts conflicts,
    ILogger<UnitOfWorkBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommandBase
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        TResponse result;
        await using (var transaction = await transactions.BeginAsync(cancellationToken))
        {
            result = await next();
            if (result.IsSuccess && await TryCommitAsync(transaction, cancellationToken) is { } refused)
            {
                result = TResponse.Failure(refused);
            }
            else if (result.IsSuccess)
            {
                foreach (var failure in await afterCommit.RunAsync(cancellationToken))
                {
                    LogAfterCommitFailure(logger, failure, typeof(TRequest).Name);
                }

                return result;
            }
        }

        afterCommit.Discard();

        if (result.Error!.Kind == ErrorKind.Forbidden)
        {
            await auditTrail.AppendDeniedAsync(AuditRecords.Describe(request, null, AuditRecord.Denied, principal, context), cancellationToken);
        }

        return result;
    }

    /// <summary>Commits; returns the named error when an expected unique rule refused the commit (the transaction then rolls back).</summary>
    private async Task<Error?> TryCommitAsync(ICommandTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (UniqueConstraintException exception) when (conflicts.TryGet(exception.ConstraintName, out var error))
        {
            return error;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post-commit work of {Request} failed; the command itself committed.")]
    private static partial void LogAfterCommitFailure(ILogger logger, Exception exception, string request);
}
