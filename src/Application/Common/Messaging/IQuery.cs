using MediatR;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Messaging;

/// <summary>A read. Never changes state; runs with no tracking.</summary>
public interface IQuery<TResponse> : IRequest<Result<TResponse>>;
