using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ModulePlural.DeleteModuleName;

public sealed record DeleteModuleNameCommand(Guid Id, IfMatch? Precondition = null) : ICommand<Success>, IModuleNameChange;
