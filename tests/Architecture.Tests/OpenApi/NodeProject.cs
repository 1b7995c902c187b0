using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace QuoinApi.Architecture.Tests.OpenApi;

/// <summary>
/// A folder of the repository with a package.json and a package-lock.json (pinned tools), installed with <c>npm ci</c>
/// and run with <c>npm run</c>. Tests that need it are ignored, with the reason, when Node.js is absent or too old,
/// or when the npm registry cannot be reached; every other failure fails them.
/// </summary>
internal sealed class NodeProject(string directory)
{
    /// <summary>The oldest Node.js every pinned tool supports (Debian 12 ships 18.19).</summary>
    private static readonly Version MinimumNode = new(18, 17);

    private static readonly string[] NetworkErrors = ["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ECONNRESET", "ENETUNREACH"];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public string Directory { get; } = directory;

    /// <summary>Ignores the calling test unless node and npm are on the PATH and new enough; then installs the lock file.</summary>
    public void RequireInstalled()
    {
        if (FindOnPath("node") is null || FindOnPath("npm") is null)
        {
            Assert.Ignore("Node.js (node and npm) is not on the PATH: install it to run this check (CI machines without it skip it).");
        }

        var version = Run("node", "--version");
        if (!Version.TryParse(version.Output.Trim().TrimStart('v'), out var node) || node < MinimumNode)
        {
            Assert.Ignore($"Node.js {version.Output.Trim()} is older than {MinimumNode}, which the pinned tools need.");
        }

        // npm ci starts from scratch every time; skip it while node_modules was installed from this very lock file.
        var stamp = Path.Combine(Directory, "node_modules", ".quoinapi-lock-sha256");
        var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json"))));
        if (File.Exists(stamp) && File.ReadAllText(stamp) == lockHash)
        {
            return;
        }

        var install = Run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (install.ExitCode != 0 && NetworkErrors.Any(code => install.Output.Contains(code, StringComparison.Ordinal)))
        {
            Assert.Ignore($"npm ci could not reach the registry:\n{install.Output}");
        }

        Assert.That(install.ExitCode, Is.Zero, $"npm ci in {Directory} failed:\n{install.Output}");
        File.WriteAllText(stamp, lockHash);
    }

    /// <summary>Runs <c>npm run &lt;script&gt;</c> and returns its exit code and output (stdout and stderr).</summary>
    public (int ExitCode, string Output) RunScript(string script) => Run("npm", "run", "--silent", script);

    private (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["NPM_CONFIG_UPDATE_NOTIFIER"] = "false";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        var lines = new object();
        process.OutputDataReceived += (_, e) => { lock (lines) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        process.WaitForExit();
        lock (lines)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
