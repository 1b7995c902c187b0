using MediatR;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Messaging;

// The only MediatR types the rest of Application touches are these four; see docs/adr/0002-mediatr-5-pin.md.

/// <summary>Any command, whatever it returns: the transaction, idempotency and audit behaviors apply to these.</summary>
public interface ICommandBase;

/// <summary>A state change. Every command has a validator (an architecture test checks) and commits once.</summary>
public interface ICommand<TResponse> : IRequest<Result<TResponse>>, ICommandBase;

/// <summary>A read. Never changes state; runs with no tracking.</summary>
public interface IQuery<TResponse> : IRequest<Result<TResponse>>;

public interface ICommandHandler<in TCommand, TResponse> : IRequestHandler<TCommand, Result<TResponse>>
    where TCommand : ICommand<TResponse>;

public interface IQueryHandler<in TQuery, TResponse> : IRequestHandler<TQuery, Result<TResponse>>
    where TQuery : IQuery<TResponse>;
