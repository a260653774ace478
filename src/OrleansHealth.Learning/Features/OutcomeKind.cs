namespace OrleansHealth.Learning.Features;

/// <summary>How a patient's binary outcome is read.</summary>
[GenerateSerializer, Alias("oh.learning.OutcomeKind")]
public enum OutcomeKind
{
    /// <summary>A condition code starting within <see cref="OutcomeSpec.WindowDays"/> after the index date.</summary>
    Condition = 0,

    /// <summary>A labelled observation, such as the label column of a tabular source.</summary>
    Label = 1,
}
