namespace QuoinApi.Domain.Common;

/// <summary>Rows are never physically deleted by the API; a named query filter hides them.</summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; }
}
