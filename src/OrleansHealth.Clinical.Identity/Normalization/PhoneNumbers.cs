namespace OrleansHealth.Clinical.Identity.Normalization;

/// <summary>
/// Reduces a phone number to its digits, keeping the last 10 (a North American number without
/// the country code), so "+1 (555) 259-9533", "555.259.9533" and "5552599533" are one value.
/// </summary>
public static class PhoneNumbers
{
    private const int NationalLength = 10;
    private const int LocalLength = 7;

    /// <summary>The last 10 digits (or all of 7–9 digits), or null when fewer than 7 digits remain.</summary>
    /// <remarks>Digits after a letter that follows the number ("x12", "ext. 12") are an extension and are dropped.</remarks>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return null;
        }

        Span<char> digits = stackalloc char[NationalLength];
        var count = 0;
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                // A ring of the last 10 digits: older ones are a country or trunk prefix.
                digits[count % NationalLength] = c;
                count++;
            }
            else if (count > 0 && char.IsAsciiLetter(c))
            {
                break;
            }
        }

        if (count < LocalLength)
        {
            return null;
        }

        var length = Math.Min(count, NationalLength);
        var start = count - length;
        Span<char> ordered = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            ordered[i] = digits[(start + i) % NationalLength];
        }

        return new string(ordered);
    }
}
