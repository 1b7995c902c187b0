using System.Reflection;
using System.Runtime.CompilerServices;
using QuoinApi.Api.Controllers;

namespace QuoinApi.Architecture.Tests;

/// <summary>One public type per file, named as the file: a type is found by its name, without a search.</summary>
public sealed class FileLayoutTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Domain.Common.Entity).Assembly,
        typeof(Application.DependencyInjection).Assembly,
        typeof(Infrastructure.DependencyInjection).Assembly,
        typeof(ApiControllerBase).Assembly,
    ];

    [Test]
    public void Every_public_type_has_a_file_of_its_own_name()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);

        var homeless = Assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => !type.IsNested && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)

            // EF Core names migration files after their timestamp and the migration.
            .Where(type => type.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) != true)
            .Select(type => type.Name.Split('`')[0])
            .Where(name => !files.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.That(homeless, Is.Empty, "Public types without a file of their name: move each to <TypeName>.cs.");
    }

    private static string RepositoryRoot()
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
