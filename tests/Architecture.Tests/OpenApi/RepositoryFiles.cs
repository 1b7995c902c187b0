namespace QuoinApi.Architecture.Tests.OpenApi;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QuoinApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("QuoinApi.sln not found above " + AppContext.BaseDirectory);
    }
}
