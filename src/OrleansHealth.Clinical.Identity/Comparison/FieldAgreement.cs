namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>
/// How far two values of one field agree. Each field uses the levels that make sense for it
/// (a birth date can be <see cref="Transposed"/>, a given name a <see cref="Nickname"/>); the
/// scorer gives every (field, level) its own weight, so the order here carries no meaning.
/// </summary>
[GenerateSerializer, Alias("oh.identity.FieldAgreement")]
public enum FieldAgreement : byte
{
    /// <summary>At least one record lacks the value: no evidence either way (weight 0).</summary>
    Missing = 0,

    /// <summary>Equal after normalisation.</summary>
    Exact = 1,

    /// <summary>Given names that a nickname table makes equivalent (Bob, Robert).</summary>
    Nickname = 2,

    /// <summary>Birth dates with day and month swapped.</summary>
    Transposed = 3,

    /// <summary>One typing error apart (one edit or adjacent swap; for names, a high Jaro–Winkler similarity).</summary>
    Typo = 4,

    /// <summary>Names spelled differently but sounding alike (equal Soundex or NYSIIS).</summary>
    Phonetic = 5,

    /// <summary>A given name that is only an initial, equal to the other's first letter.</summary>
    Initial = 6,

    /// <summary>Weak agreement: ZIPs sharing their first three digits, a given name that equals the other's middle name, a family name inside the other (compound names).</summary>
    Partial = 7,

    /// <summary>Both present and unlike.</summary>
    Disagree = 8,
}
