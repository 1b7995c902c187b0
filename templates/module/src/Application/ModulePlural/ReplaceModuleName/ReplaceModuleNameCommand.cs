using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ModulePlural.ReplaceModuleName;

public sealed record ReplaceModuleNameCommand(Guid Id, string Name, IfMatch? Precondition = null) : ICommand<ModuleNameDto>, IModuleNameChange;
