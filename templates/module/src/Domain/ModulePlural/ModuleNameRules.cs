namespace QuoinApi.Domain.ModulePlural;

/// <summary>The invariants of <see cref="ModuleName"/>, shared by the validators and the database schema.</summary>
public static class ModuleNameRules
{
    public const int NameMaxLength = 200;
}
