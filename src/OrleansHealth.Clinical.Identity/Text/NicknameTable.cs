using System.Collections.Frozen;

namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// Given-name equivalences (Bob ≈ Robert, Peggy ≈ Margaret). Names are looked up in their
/// <see cref="NameNormalizer"/> form. Two names are equivalent when some group holds both.
/// </summary>
public sealed class NicknameTable
{
    private static readonly int[] NoGroups = [];

    private readonly FrozenDictionary<string, int[]> groupsByName;
    private readonly string[] formalNames;

    /// <summary>Builds a table from groups of names, each group's formal name first; names are normalised here.</summary>
    public NicknameTable(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var formal = new List<string>();
        foreach (var group in groups)
        {
            var names = group.Select(NameNormalizer.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (names.Length < 2)
            {
                throw new ArgumentException("A nickname group needs at least two distinct names.", nameof(groups));
            }

            var id = formal.Count;
            formal.Add(names[0]);
            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var ids))
                {
                    byName[name] = ids = [];
                }

                ids.Add(id);
            }
        }

        groupsByName = byName.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        formalNames = [.. formal];
    }

    /// <summary>The table this library ships: a few hundred common English given names and their short forms.</summary>
    public static NicknameTable Default { get; } = new(
        NicknameGroups.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => (IReadOnlyList<string>)line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>How many groups the table holds.</summary>
    public int GroupCount => formalNames.Length;

    /// <summary>True when both normalised names are in one group (a name is not its own nickname: equal names return false).</summary>
    public bool AreEquivalent(string? normalizedA, string? normalizedB) =>
        normalizedA is not null && normalizedB is not null
        && !string.Equals(normalizedA, normalizedB, StringComparison.Ordinal)
        && ShareGroup(GroupsOf(normalizedA), GroupsOf(normalizedB));

    /// <summary>The formal names of the groups holding <paramref name="normalizedName"/>; empty when the table does not know it.</summary>
    public IReadOnlyList<string> FormalNamesOf(string? normalizedName)
    {
        var groups = GroupsOf(normalizedName);
        if (groups.Length == 0)
        {
            return [];
        }

        var names = new string[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            names[i] = formalNames[groups[i]];
        }

        return names;
    }

    /// <summary>Ids of the groups holding the name, ascending; profiles keep them so comparing needs no lookup.</summary>
    internal int[] GroupsOf(string? normalizedName) =>
        normalizedName is not null && groupsByName.TryGetValue(normalizedName, out var ids) ? ids : NoGroups;

    /// <summary>True when two ascending id lists have an id in common.</summary>
    internal static bool ShareGroup(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                return true;
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }
}
