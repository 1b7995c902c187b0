using QuoinApi.Application.Common.Concurrency;

namespace QuoinApi.Application.ModulePlural;

/// <summary>A command that changes one live <see cref="QuoinApi.Domain.ModulePlural.ModuleName"/>, optionally only at the version the caller last read.</summary>
public interface IModuleNameChange
{
    Guid Id { get; }

    IfMatch? Precondition { get; }
}
