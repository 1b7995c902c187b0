using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

/// <summary>Stores enums as the same lower-case strings the API speaks, so SQL reads like the contract.</summary>
internal static class LowerCaseEnum
{
    public static ValueConverter<TEnum, string> Converter<TEnum>()
        where TEnum : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), text => Enum.Parse<TEnum>(text, true));
}
