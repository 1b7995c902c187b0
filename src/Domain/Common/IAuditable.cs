namespace QuoinApi.Domain.Common;

/// <summary>Audit fields, stamped by the persistence layer from the clock and the current principal.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}
