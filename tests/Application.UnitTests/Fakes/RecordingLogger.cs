using Microsoft.Extensions.Logging;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>An enabled logger that keeps every entry: level, event name and the formatted message.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public List<LogEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add(new LogEntry(logLevel, eventId.Name, formatter(state, exception), exception));

    public sealed record LogEntry(LogLevel Level, string? EventName, string Message, Exception? Exception);
}
