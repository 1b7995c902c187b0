using FluentValidation;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural;

/// <summary>The rules of the members of an_item_phrase, shared by the commands that set them.</summary>
internal static class ModuleNameValidation
{
    public static IRuleBuilderOptions<T, string> ValidModuleNameName<T>(this IRuleBuilder<T, string> name) =>
        name.NotEmpty().MaximumLength(ModuleNameRules.NameMaxLength);
}
