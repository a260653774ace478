using System.Globalization;
using OrleansHealth.Synthetic.Clinical;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>Builds the source profiles: names, id systems, habits, and trust ranks in a seeded order.</summary>
internal static class SourceRoster
{
    private static readonly (string Id, string Name)[] Names =
    [
        ("ehr-st-mary", "St. Mary's Hospital EHR"),
        ("lab-northside", "Northside Laboratory"),
        ("clinic-riverside", "Riverside Family Clinic"),
        ("ehr-county-general", "County General Hospital EHR"),
        ("hie-valley", "Valley Health Information Exchange"),
        ("clinic-lakeview", "Lakeview Medical Group"),
        ("ehr-mercy", "Mercy Medical Center EHR"),
        ("claims-bluepeak", "BluePeak Claims Warehouse"),
        ("clinic-harbor", "Harbor Community Health Center"),
        ("lab-meridian", "Meridian Diagnostics"),
        ("ehr-university", "University Hospital EHR"),
        ("wearable-pulse", "Pulse Wearables Platform"),
    ];

    private static readonly FeedFormat[] Formats = [FeedFormat.FhirBundle, FeedFormat.FhirNdjson, FeedFormat.SyntheaCsv];

    public static SourceProfile[] Build(long seed, SourceSimulationOptions options)
    {
        var count = options.SourceCount;
        var random = DeterministicRandom.For(seed, RandomStream.SourceSetup, count);
        var ranks = TrustRanks(count, random);
        var profiles = new SourceProfile[count];
        for (var i = 0; i < count; i++)
        {
            var (id, name) = i < Names.Length
                ? Names[i]
                : (string.Create(CultureInfo.InvariantCulture, $"source-{i + 1:D2}"), string.Create(CultureInfo.InvariantCulture, $"Source {i + 1}"));
            profiles[i] = new SourceProfile(
                i,
                id,
                name,
                ranks[i],
                Formats[i % Formats.Length],
                MrnSystem: i % 2 == 0 ? $"urn:oid:2.16.840.1.113883.19.5.{i + 1}" : $"https://{id}.example/mrn",
                CarriesSsn: i % 2 == 0,
                Units: i >= count - options.AlternativeUnitSources ? UnitProfile.Alternative : UnitProfile.Canonical,
                PhoneStyle: (PhoneStyle)(i % 4),
                AbbreviatesStreetSuffixes: i % 2 == 1,
                UpperCaseNames: i % 3 == 1,
                OrganizationId: random.NextUuid(),
                ProviderId: random.NextUuid(),
                PayerId: random.NextUuid());
        }

        return profiles;
    }

    /// <summary>Evenly spaced ranks from 90 down to 10, dealt to the sources in a seeded order.</summary>
    private static int[] TrustRanks(int count, DeterministicRandom random)
    {
        var ranks = new int[count];
        for (var i = 0; i < count; i++)
        {
            ranks[i] = count == 1 ? 50 : (int)Math.Round(90 - (80.0 * i / (count - 1)), MidpointRounding.AwayFromZero);
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }

        return ranks;
    }
}
