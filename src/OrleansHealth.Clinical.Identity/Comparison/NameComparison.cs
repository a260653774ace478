using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>Compares the family and given names of two profiles.</summary>
public static class NameComparison
{
    /// <summary>Jaro–Winkler similarity from which two names count as a typo of each other.</summary>
    public const double TypoSimilarity = 0.92;

    private const int ShortestPartialName = 4;

    /// <summary>Exact, Typo, Phonetic, Partial (one name inside the other: "SMITH" / "SMITHJONES"), Disagree or Missing.</summary>
    public static FieldAgreement Family(PersonProfile a, PersonProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.FamilyName is not { } x || b.FamilyName is not { } y)
        {
            return FieldAgreement.Missing;
        }

        if (x == y)
        {
            return FieldAgreement.Exact;
        }

        if (IsTypo(x, y))
        {
            return FieldAgreement.Typo;
        }

        if (a.FamilySoundex == b.FamilySoundex || a.FamilyNysiis == b.FamilyNysiis)
        {
            return FieldAgreement.Phonetic;
        }

        return IsPartOf(x, y) || IsPartOf(y, x) ? FieldAgreement.Partial : FieldAgreement.Disagree;
    }

    /// <summary>
    /// Exact, Nickname, Typo, Phonetic, Initial, Partial (a first name equal to the other's middle
    /// name), Disagree or Missing — first given names are compared, middle names only as a fallback.
    /// </summary>
    public static FieldAgreement Given(PersonProfile a, PersonProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GivenName is not { } x || b.GivenName is not { } y)
        {
            return FieldAgreement.Missing;
        }

        if (x == y)
        {
            return FieldAgreement.Exact;
        }

        if (NicknameTable.ShareGroup(a.GivenNicknameGroups, b.GivenNicknameGroups))
        {
            return FieldAgreement.Nickname;
        }

        if (x.Length > 1 && y.Length > 1 && IsTypo(x, y))
        {
            return FieldAgreement.Typo;
        }

        if (a.GivenNysiis == b.GivenNysiis || a.GivenSoundex == b.GivenSoundex)
        {
            return FieldAgreement.Phonetic;
        }

        if ((x.Length == 1 || y.Length == 1) && x[0] == y[0])
        {
            return FieldAgreement.Initial;
        }

        return a.OtherGivenNames.Contains(y) || b.OtherGivenNames.Contains(x) ? FieldAgreement.Partial : FieldAgreement.Disagree;
    }

    /// <summary>True when two different names are one typing error apart, or very similar by Jaro–Winkler.</summary>
    public static bool IsTypo(string a, string b) =>
        OsaDistance.IsWithin(a, b, 1) || JaroWinkler.Similarity(a, b) >= TypoSimilarity;

    private static bool IsPartOf(string part, string whole) =>
        part.Length >= ShortestPartialName && whole.Length > part.Length
        && (whole.StartsWith(part, StringComparison.Ordinal) || whole.EndsWith(part, StringComparison.Ordinal));
}
