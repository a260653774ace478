using OrleansHealth.Clinical.Identity.Text;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>Compares the normalised person-level identifiers of two records, system by system.</summary>
public static class IdentifierComparison
{
    /// <summary>
    /// Exact when some system's values are equal; otherwise Typo when some system's values are one
    /// edit apart; otherwise Disagree when the records share a system at all; otherwise Missing.
    /// </summary>
    public static FieldAgreement Compare(IReadOnlyList<PatientIdentifier> a, IReadOnlyList<PatientIdentifier> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = FieldAgreement.Missing;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (!string.Equals(x.System, y.System, StringComparison.Ordinal))
                {
                    continue;
                }

                if (string.Equals(x.Value, y.Value, StringComparison.Ordinal))
                {
                    return FieldAgreement.Exact;
                }

                if (x.Value.Length == y.Value.Length && OsaDistance.IsWithin(x.Value, y.Value, 1))
                {
                    result = FieldAgreement.Typo;
                }
                else if (result == FieldAgreement.Missing)
                {
                    result = FieldAgreement.Disagree;
                }
            }
        }

        return result;
    }
}
