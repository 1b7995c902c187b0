namespace QuoinApi.Application.Events;

/// <summary>One item of the live stream: an event (id, type, envelope JSON), or a heartbeat (no id).</summary>
public sealed record StreamedEvent(Guid? Id, string Type, string Envelope)
{
    public const string HeartbeatType = "heartbeat";

    public static readonly StreamedEvent Heartbeat = new(null, HeartbeatType, "{}");

    public bool IsHeartbeat => Id is null;
}
