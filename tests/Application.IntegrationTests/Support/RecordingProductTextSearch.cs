using System.Collections.Concurrent;
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>The real product text search, noting each text it is asked for, so tests can tell whether it ran.</summary>
public sealed class RecordingProductTextSearch(IProductTextSearch inner) : IProductTextSearch
{
    private readonly ConcurrentQueue<string> _searches = new();

    public IReadOnlyCollection<string> Searches => _searches;

    public IQueryable<Product> Matching(IQueryable<Product> products, string text)
    {
        _searches.Enqueue(text);
        return inner.Matching(products, text);
    }

    public void Clear() => _searches.Clear();
}
