using System.Text.RegularExpressions;
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Stands in for PostgreSQL full-text search: a product matches when every word of the text occurs, case-insensitively,
/// as a whole word of its name or description. No stemming, no operators.
/// </summary>
public sealed partial class FakeProductTextSearch : IProductTextSearch
{
    public List<string> Searches { get; } = [];

    public IQueryable<Product> Matching(IQueryable<Product> products, string text)
    {
        Searches.Add(text);
        var words = Words(text);
        return products.Where(p => Matches(p.Name, p.Description, words));
    }

    public static bool Matches(string name, string? description, IReadOnlyCollection<string> words)
    {
        var own = Words(name + " " + description);
        return words.All(own.Contains);
    }

    private static HashSet<string> Words(string text) =>
        new(NonWord().Split(text).Where(w => w.Length > 0).Select(w => w.ToUpperInvariant()), StringComparer.Ordinal);

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();
}
