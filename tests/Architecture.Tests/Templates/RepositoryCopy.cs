using QuoinApi.Architecture.Tests.OpenApi;

namespace QuoinApi.Architecture.Tests.Templates;

/// <summary>
/// The working tree as git sees it (tracked files and new files that are not ignored: no bin, obj, .local or
/// node_modules), copied into a temporary folder, so generated code is built and tested there and never here.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private RepositoryCopy(string root) => Root = root;

    public string Root { get; }

    public static RepositoryCopy Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "quoinapi-template-" + Guid.NewGuid().ToString("N")[..8]);
        var files = ProcessRun.Of(RepositoryFiles.Root, new Dictionary<string, string>(), "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Assert.That(files.ExitCode, Is.Zero, "git ls-files: " + files.Output);
        foreach (var file in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')).Where(f => f.Length > 0))
        {
            var source = Path.Combine(RepositoryFiles.Root, file);
            if (!File.Exists(source))
            {
                continue;   // deleted in the working tree, not yet in the index
            }

            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return new RepositoryCopy(root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is under the temp directory anyway.
        }
    }
}
