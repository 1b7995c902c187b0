namespace QuoinApi.Domain.Common;

/// <summary>Marker for "no value": the success of a command that returns nothing.</summary>
public readonly record struct Success
{
    public static readonly Success Value;
}
