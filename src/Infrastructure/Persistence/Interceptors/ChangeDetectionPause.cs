using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace QuoinApi.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns the change tracker's automatic change detection off until disposed, then restores it as it was. The save
/// interceptors read the tracker just before a save, which detects changes again anyway; with detection on, each
/// <c>Entries()</c> call would first scan every tracked entity.
/// </summary>
internal readonly struct ChangeDetectionPause : IDisposable
{
    private readonly ChangeTracker _tracker;

    public ChangeDetectionPause(ChangeTracker tracker)
    {
        _tracker = tracker;
        WasEnabled = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
    }

    /// <summary>Whether the context detects changes automatically outside this pause.</summary>
    public bool WasEnabled { get; }

    public void Dispose() => _tracker.AutoDetectChangesEnabled = WasEnabled;
}
