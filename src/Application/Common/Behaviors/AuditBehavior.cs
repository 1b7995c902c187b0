using MediatR;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Auditing;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>
/// Innermost behavior: a successful command appends its audit entry inside the command's transaction, so the log
/// never claims a success that did not commit (and a replay, which changes nothing, appends nothing).
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(IAuditTrail auditTrail, ICurrentPrincipal principal, RequestContext context)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommandBase
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var result = await next();
        if (result.IsSuccess)
        {
            await auditTrail.AppendAsync(AuditRecords.Describe(request!, result.BoxedValue, AuditRecord.Success, principal, context), cancellationToken);
        }

        return result;
    }
}
