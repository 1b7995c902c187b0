namespace QuoinApi.Domain.Common;

/// <summary>An expected failure: a value, not an exception.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>Validation failures by camelCase member path.</summary>
    public IReadOnlyDictionary<string, string[]>? ValidationErrors { get; init; }

    public static Error NotFound(string resource) =>
        new(ErrorKind.NotFound, $"{resource}.not_found", $"The {resource} was not found.");

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static Error VersionMismatch(string resource) => new(
        ErrorKind.VersionMismatch, $"{resource}.version_mismatch", $"The {resource} has changed since the version the request names.");

    public static Error Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorKind.Validation, "validation_failed", "One or more validation errors occurred.") { ValidationErrors = errors };

    public static Error Validation(string member, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [member] = [message] });
}
