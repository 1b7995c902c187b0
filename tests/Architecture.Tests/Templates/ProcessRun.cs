using System.Diagnostics;
using System.Text;

namespace QuoinApi.Architecture.Tests.Templates;

/// <summary>Runs a command to completion and keeps its output (stdout and stderr, interleaved) and how long it took.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, TimeSpan Elapsed)
{
    public static ProcessRun Of(string directory, IReadOnlyDictionary<string, string> environment, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { lock (gate) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (gate) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        lock (gate)
        {
            return new ProcessRun(process.HasExited ? process.ExitCode : -1, output.ToString(), clock.Elapsed);
        }
    }

    /// <summary>The last lines, which is where dotnet build and dotnet test say what failed.</summary>
    public string Tail(int lines = 60) => string.Join('\n', Output.Split('\n').TakeLast(lines));
}
