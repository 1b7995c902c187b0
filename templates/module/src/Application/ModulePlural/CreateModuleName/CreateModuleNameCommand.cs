using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ModulePlural.CreateModuleName;

public sealed record CreateModuleNameCommand(string Name) : ICommand<ModuleNameDto>;
