namespace QuoinApi.Domain.Common;

/// <summary>
/// When and by whom an entity was created and last changed. The aggregate records the times itself (each operation is
/// given the time), so what a command returns equals what it stores; the persistence layer records who, from the
/// caller, and stamps a time an operation left unset.
/// </summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}
