namespace OrleansHealth.Clinical.Identity.Normalization;

/// <summary>
/// Reduces a US ZIP code to its first five digits ("02155-1234" → "02155"). A four- or
/// eight-digit value is a ZIP whose leading zero a spreadsheet dropped ("2155" → "02155"), as
/// happens to every New England ZIP in CSV exports.
/// </summary>
public static class PostalCodes
{
    private const int ZipLength = 5;

    /// <summary>The five-digit ZIP; for a code with letters (not US), its upper-case letters and digits; null when empty or too short.</summary>
    public static string? Normalize(string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[16];
        var length = 0;
        var hasLetter = false;
        foreach (var c in postalCode)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            hasLetter |= char.IsAsciiLetter(c);
            if (length == buffer.Length)
            {
                break;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        if (hasLetter)
        {
            return length == 0 ? null : new string(buffer[..length]);
        }

        if (length is 4 or 8)
        {
            return string.Concat("0", buffer[..(ZipLength - 1)]);
        }

        return length >= ZipLength ? new string(buffer[..ZipLength]) : null;
    }
}
