using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>Compares normalised phone numbers, ZIPs and address lines.</summary>
public static class ContactComparison
{
    /// <summary>Exact (also a 7-digit number equal to the end of a 10-digit one), Typo, Disagree or Missing.</summary>
    public static FieldAgreement Phone(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return FieldAgreement.Missing;
        }

        if (a == b || (a.Length != b.Length && (a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal))))
        {
            return FieldAgreement.Exact;
        }

        return a.Length == b.Length && OsaDistance.IsWithin(a, b, 1) ? FieldAgreement.Typo : FieldAgreement.Disagree;
    }

    /// <summary>Exact, Partial (same first three digits: the same sectional centre), Disagree or Missing.</summary>
    public static FieldAgreement PostalCode(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return FieldAgreement.Missing;
        }

        if (a == b)
        {
            return FieldAgreement.Exact;
        }

        return a.Length >= 3 && b.Length >= 3 && a.AsSpan(0, 3).SequenceEqual(b.AsSpan(0, 3))
            ? FieldAgreement.Partial
            : FieldAgreement.Disagree;
    }

    /// <summary>Exact, Typo (at most two edits), Disagree or Missing.</summary>
    public static FieldAgreement AddressLine(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return FieldAgreement.Missing;
        }

        if (a == b)
        {
            return FieldAgreement.Exact;
        }

        return OsaDistance.IsWithin(a, b, 2) ? FieldAgreement.Typo : FieldAgreement.Disagree;
    }
}
