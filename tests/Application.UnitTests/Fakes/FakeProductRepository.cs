using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Answers with what the test arranged, as the real repository would answer the caller: it filters nothing. Which
/// products a caller may see (its tenant's, live or deleted) is the database's query filters, tested on PostgreSQL in
/// Application.IntegrationTests.
/// </summary>
public sealed class FakeProductRepository(RecordedWrites writes) : IProductRepository
{
    /// <summary>What <see cref="GetAsync"/> finds: the caller's live products.</summary>
    public Dictionary<Guid, Product> Live { get; } = [];

    /// <summary>What <see cref="GetIncludingDeletedAsync"/> finds besides <see cref="Live"/>: the caller's deleted products.</summary>
    public Dictionary<Guid, Product> Deleted { get; } = [];

    public Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Live.GetValueOrDefault(id));

    public Task<Product?> GetIncludingDeletedAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(Live.GetValueOrDefault(id) ?? Deleted.GetValueOrDefault(id));

    public void Add(Product product) => writes.Add(product);
}
