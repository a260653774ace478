using OrleansHealth.Synthetic.Outcomes;

namespace OrleansHealth.Synthetic.Population;

/// <summary>
/// A person with the whole truth: identity, the values at the index visit, the treatment and
/// outcome truth, and the history every source's records are cut from. The treatment is given at
/// visit <see cref="IndexVisitNumber"/>.
/// </summary>
public sealed record SyntheticPerson(
    PersonIdentity Identity,
    RiskFactors Baseline,
    OutcomeTruth Truth,
    IReadOnlyList<SyntheticVisit> Visits,
    IReadOnlyList<SyntheticCondition> Conditions,
    int IndexVisitNumber)
{
    public string PersonId => Identity.PersonId;

    public int Index => Identity.Index;

    public SyntheticVisit IndexVisit => Visits[IndexVisitNumber];
}
