using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Identifiers;

/// <summary>
/// Puts identifier values into one spelling per system so equal identifiers compare equal, and
/// rejects values that are placeholders rather than identifiers (an SSN of 000-00-0000 or
/// 123-45-6789 would otherwise link every record that carries it).
/// </summary>
public static class IdentifierValues
{
    private const int SsnLength = 9;

    /// <summary>The normalised value, or null when it is empty or not a usable value of its system.</summary>
    /// <remarks>
    /// SSN: the nine digits, refused when the area is 000 or 666, the group 00, the serial 0000,
    /// all digits equal, or 123456789. The 900–999 areas are accepted because synthetic data
    /// (Synthea) uses them. Other systems: letters and digits only, upper case.
    /// </remarks>
    public static string? Normalize(string system, string? value)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Equals(system, CodeSystems.Ssn, StringComparison.Ordinal) ? Ssn(value) : LettersAndDigits(value);
    }

    private static string? Ssn(string value)
    {
        Span<char> digits = stackalloc char[SsnLength];
        var length = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (length == SsnLength)
            {
                return null;
            }

            digits[length++] = c;
        }

        if (length != SsnLength || IsPlaceholder(digits))
        {
            return null;
        }

        return new string(digits);
    }

    private static bool IsPlaceholder(ReadOnlySpan<char> ssn) =>
        ssn[..3] is "000" or "666"
        || ssn.Slice(3, 2) is "00"
        || ssn[5..] is "0000"
        || !ssn.ContainsAnyExcept(ssn[0])
        || ssn is "123456789";

    private static string? LettersAndDigits(string value)
    {
        Span<char> buffer = value.Length <= 128 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return length == 0 ? null : new string(buffer[..length]);
    }
}
