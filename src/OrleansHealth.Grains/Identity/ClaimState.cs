namespace OrleansHealth.Grains.Identity;

/// <summary>A write-once value: the enterprise patient id a link or identifier belongs to.</summary>
[GenerateSerializer, Alias("OrleansHealth.Grains.ClaimState")]
public sealed class ClaimState
{
    [Id(0)] public string? PatientId { get; set; }
}
