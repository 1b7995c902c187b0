using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.ModulePlural.GetModuleName;

public sealed record GetModuleNameQuery(Guid Id) : IQuery<ModuleNameDto>;
