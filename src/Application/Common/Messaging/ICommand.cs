using MediatR;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Messaging;

/// <summary>A state change. Every command has a validator (an architecture test checks) and commits once.</summary>
public interface ICommand<TResponse> : IRequest<Result<TResponse>>, ICommandBase;
