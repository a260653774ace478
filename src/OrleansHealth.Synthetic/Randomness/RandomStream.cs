namespace OrleansHealth.Synthetic.Randomness;

/// <summary>
/// The purposes that draw random numbers. Each has its own stream, so changing how one thing is
/// generated (say, visit dates) does not reshuffle another (say, who is treated). Never renumber.
/// </summary>
internal enum RandomStream : ulong
{
    Identity = 1,
    Baseline = 2,
    Treatment = 3,
    Outcome = 4,
    Visits = 5,
    Membership = 6,
    Noise = 7,
    LocalIds = 8,
    RecordIds = 9,
    VisitRouting = 10,
    Ssn = 11,
    Mrn = 12,
    SourceSetup = 13,
}
