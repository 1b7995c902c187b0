using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QuoinApi.Api.Http;

/// <summary>
/// Binds integers, decimals, booleans, timestamps and dates (<c>YYYY-MM-DD</c>) from the query string with <see cref="StrictValues"/> instead of
/// MVC's type converters, which read <c>0x10</c> as 16, trim <c>" 5"</c>, accept <c>1,000</c> and take <c>1.5</c> for a
/// date. A value given twice is refused too, rather than one of them silently winning; that goes for single-valued text
/// parameters (filters, <c>sort</c>, <c>pageToken</c>) as well, which MVC would otherwise read as the values joined by commas.
/// Parameters bound to a collection (<c>string[]</c>) still take repeats.
/// </summary>
internal sealed class StrictQueryBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.BindingInfo.BindingSource != BindingSource.Query)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(bool) || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly) || type == typeof(string)
            ? new StrictQueryBinder(type)
            : null;
    }
}

internal sealed class StrictQueryBinder(Type type) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider.GetValue(name);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, values);
        var text = values.FirstValue ?? string.Empty;
        if (values.Length > 1)
        {
            return Fail(bindingContext, $"'{name}' may be given only once.");
        }

        if (text.Length == 0 && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (type == typeof(string))
        {
            bindingContext.Result = ModelBindingResult.Success(text);
            return Task.CompletedTask;
        }

        object? value = null;
        var parsed = type switch
        {
            _ when type == typeof(int) => StrictValues.TryParseInt64(text, out var number) && number is >= int.MinValue and <= int.MaxValue
                && (value = (int)number) is not null,
            _ when type == typeof(long) => StrictValues.TryParseInt64(text, out var number) && (value = number) is not null,
            _ when type == typeof(decimal) => StrictValues.TryParseDecimal(text, out var number) && (value = number) is not null,
            _ when type == typeof(bool) => StrictValues.TryParseBoolean(text, out var flag) && (value = flag) is not null,
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date) && (value = date) is not null,
            _ => StrictValues.TryParseTimestamp(text, out var timestamp) && (value = timestamp) is not null,
        };

        if (!parsed)
        {
            return Fail(bindingContext, type switch
            {
                _ when type == typeof(int) || type == typeof(long) => $"'{name}' must be an integer: digits only, optionally after '-'.",
                _ when type == typeof(decimal) => $"'{name}' must be a decimal number such as 12.50.",
                _ when type == typeof(bool) => $"'{name}' must be true or false.",
                _ when type == typeof(DateOnly) => $"'{name}' must be a date such as 2026-11-23 (YYYY-MM-DD).",
                _ => $"'{name}' must be an RFC 3339 timestamp such as 2026-11-23T08:00:00Z.",
            });
        }

        bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }

    private static Task Fail(ModelBindingContext bindingContext, string message)
    {
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}
