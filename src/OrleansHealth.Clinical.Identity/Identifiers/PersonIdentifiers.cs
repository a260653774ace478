using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Identifiers;

/// <summary>Picks a record's person-level identifiers and normalises them.</summary>
public static class PersonIdentifiers
{
    /// <summary>
    /// The person-level identifiers of <paramref name="demographics"/> with normalised values,
    /// in the systems' priority order, without duplicates or unusable values.
    /// </summary>
    public static IReadOnlyList<PatientIdentifier> Of(Demographics demographics, PersonIdentifierSystems systems)
    {
        ArgumentNullException.ThrowIfNull(demographics);
        ArgumentNullException.ThrowIfNull(systems);
        List<PatientIdentifier>? found = null;
        foreach (var identifier in demographics.Identifiers)
        {
            if (!systems.Contains(identifier.System))
            {
                continue;
            }

            var value = IdentifierValues.Normalize(identifier.System, identifier.Value);
            if (value is null)
            {
                continue;
            }

            var normalized = new PatientIdentifier(identifier.System, value);
            found ??= [];
            if (!found.Contains(normalized))
            {
                found.Add(normalized);
            }
        }

        if (found is null)
        {
            return [];
        }

        return [.. found.OrderBy(i => systems.RankOf(i.System))];
    }
}
