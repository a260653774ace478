namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// Reduces a person name to the upper-case ASCII letters it is spelled with: accents folded,
/// case, spaces, punctuation and digits dropped. Digits go because generators and some feeds
/// append them (Synthea's "Maynard46"); punctuation and spaces go because "O'Brien", "OBrien" and
/// "Van der Berg" / "Vanderberg" are spelled both ways for the same person.
/// </summary>
public static class NameNormalizer
{
    private const int StackLimit = 256;

    /// <summary>The normalised name, or null when nothing letter-like remains.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        Span<char> buffer = name.Length * 2 <= StackLimit ? stackalloc char[StackLimit] : new char[name.Length * 2];
        var length = 0;
        foreach (var c in name)
        {
            length += LatinFolding.Fold(c, buffer[length..]);
        }

        return length == 0 ? null : new string(buffer[..length]);
    }
}
