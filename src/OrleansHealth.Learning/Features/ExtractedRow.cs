namespace OrleansHealth.Learning.Features;

/// <summary>
/// One patient's feature values (NaN = missing) and outcome. <see cref="Matched"/> says per feature
/// whether any fact of its code was found, so a code that matches nobody can be reported as unknown
/// even for features (counts, presence) whose value is 0 rather than missing.
/// </summary>
public sealed record ExtractedRow(float[] Values, bool Label, bool[] Matched, string? HoldoutValue);
