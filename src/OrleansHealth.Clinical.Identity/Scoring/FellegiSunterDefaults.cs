using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>
/// The shipped m/u-probabilities, derived from stated assumptions rather than fitted, so they can
/// be argued with (and re-estimated with <see cref="FellegiSunterEstimator"/> on real pairs).
/// </summary>
/// <remarks>
/// m (same person, two sources): about 1 record in 25 has a typo in a given field, so a pair shows
/// one in about 8 % of name comparisons; 6 % of given names are registered as a nickname; 3 % of
/// birth dates have day and month swapped and 5 % a one-digit error; phone, ZIP and address are
/// out of date in about 1 record in 10 (a move). Full disagreement is what is left over.
/// u (two people): from value frequencies in a US population of ~100,000 — a surname shared by
/// 1 pair in 2,000, a first name by 1 in 250 (names cluster more), a birth date by
/// 1 in 365 × 85, a ZIP by 1 in 300 (a state's few hundred ZIPs), a phone or address only within
/// a household (1 in 5,000–10,000). A one-digit birth-date error reaches ~25 valid dates, so its u is
/// 25 times that of an exact date. Phone, ZIP and address form the "contact" dependence group.
/// Given name and birth date cap the decision at review when they fully disagree (twins,
/// parent and child with one name); two different values of one person-level identifier system
/// force a non-match.
/// </remarks>
public static class FellegiSunterDefaults
{
    /// <summary>The dependence group of phone, ZIP and address.</summary>
    public const string ContactGroup = "contact";

    /// <summary>Builds the default model.</summary>
    public static FellegiSunterModel Create() => new(
    [
        new FieldModel(MatchField.FamilyName, Levels(
            (FieldAgreement.Exact, 0.88, 0.0005),
            (FieldAgreement.Typo, 0.08, 0.002),
            (FieldAgreement.Phonetic, 0.01, 0.01),
            (FieldAgreement.Partial, 0.005, 0.001),
            (FieldAgreement.Disagree, 0.025, 0.9865))),
        new FieldModel(MatchField.GivenName, Levels(
            (FieldAgreement.Exact, 0.82, 0.004),
            (FieldAgreement.Nickname, 0.06, 0.002),
            (FieldAgreement.Typo, 0.07, 0.004),
            (FieldAgreement.Phonetic, 0.01, 0.01),
            (FieldAgreement.Initial, 0.005, 0.002),
            (FieldAgreement.Partial, 0.005, 0.002),
            (FieldAgreement.Disagree, 0.03, 0.976)), DisagreementEffect.CapAtReview),
        new FieldModel(MatchField.BirthDate, Levels(
            (FieldAgreement.Exact, 0.90, 3.2e-5),
            (FieldAgreement.Transposed, 0.03, 1.3e-5),
            (FieldAgreement.Typo, 0.05, 8e-4),
            (FieldAgreement.Disagree, 0.02, 0.999)), DisagreementEffect.CapAtReview),
        new FieldModel(MatchField.Sex, Levels(
            (FieldAgreement.Exact, 0.98, 0.5),
            (FieldAgreement.Disagree, 0.02, 0.5))),
        new FieldModel(MatchField.Phone, Levels(
            (FieldAgreement.Exact, 0.85, 2e-4),
            (FieldAgreement.Typo, 0.04, 2e-3),
            (FieldAgreement.Disagree, 0.11, 0.998)), group: ContactGroup),
        new FieldModel(MatchField.PostalCode, Levels(
            (FieldAgreement.Exact, 0.92, 0.003),
            (FieldAgreement.Partial, 0.02, 0.1),
            (FieldAgreement.Disagree, 0.06, 0.897)), group: ContactGroup),
        new FieldModel(MatchField.AddressLine, Levels(
            (FieldAgreement.Exact, 0.85, 1e-4),
            (FieldAgreement.Typo, 0.06, 5e-4),
            (FieldAgreement.Disagree, 0.09, 0.9995)), group: ContactGroup),
        new FieldModel(MatchField.PersonIdentifier, Levels(
            (FieldAgreement.Exact, 0.995, 1e-6),
            (FieldAgreement.Typo, 0.003, 1e-4),
            (FieldAgreement.Disagree, 0.002, 0.9999)), DisagreementEffect.ForceNonMatch),
    ]);

    private static Dictionary<FieldAgreement, MuProbabilities> Levels(params (FieldAgreement Level, double M, double U)[] levels) =>
        levels.ToDictionary(l => l.Level, l => new MuProbabilities(l.M, l.U));
}
