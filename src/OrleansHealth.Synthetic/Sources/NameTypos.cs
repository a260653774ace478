using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>Single data-entry errors in a name. The first letter is left alone, as it mostly is in real typing errors.</summary>
internal static class NameTypos
{
    public static string Apply(string name, DeterministicRandom random)
    {
        if (name.Length < 2)
        {
            return name + Letter(random, upper: false);
        }

        return random.NextInt(3) switch
        {
            0 => Substitute(name, random),
            1 => Transpose(name, random),
            _ => name.Length >= 3 ? name.Remove(1 + random.NextInt(name.Length - 1), 1) : Substitute(name, random),
        };
    }

    private static string Substitute(string name, DeterministicRandom random)
    {
        var position = 1 + random.NextInt(name.Length - 1);
        var current = name[position];
        var replacement = Letter(random, char.IsUpper(current));
        if (replacement == current)
        {
            replacement = (char)(replacement == 'z' || replacement == 'Z' ? replacement - 1 : replacement + 1);
        }

        return string.Create(name.Length, (name, position, replacement), static (span, state) =>
        {
            state.name.AsSpan().CopyTo(span);
            span[state.position] = state.replacement;
        });
    }

    private static string Transpose(string name, DeterministicRandom random)
    {
        if (name.Length < 3)
        {
            return Substitute(name, random);
        }

        // Swap two neighbours after the first letter; a pair of equal letters would change nothing.
        var start = 1 + random.NextInt(name.Length - 2);
        for (var offset = 0; offset < name.Length - 2; offset++)
        {
            var position = 1 + ((start - 1 + offset) % (name.Length - 2));
            if (name[position] != name[position + 1])
            {
                return string.Create(name.Length, (name, position), static (span, state) =>
                {
                    state.name.AsSpan().CopyTo(span);
                    (span[state.position], span[state.position + 1]) = (span[state.position + 1], span[state.position]);
                });
            }
        }

        return Substitute(name, random);
    }

    private static char Letter(DeterministicRandom random, bool upper) => (char)((upper ? 'A' : 'a') + random.NextInt(26));
}
