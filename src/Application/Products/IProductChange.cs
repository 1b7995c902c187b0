using QuoinApi.Application.Common.Concurrency;

namespace QuoinApi.Application.Products;

/// <summary>A command that changes one existing product, optionally only at the version the caller last read.</summary>
public interface IProductChange
{
    Guid Id { get; }

    IfMatch? Precondition { get; }
}
