using System.Security.Cryptography;

namespace OrleansHealth.Patients;

/// <summary>
/// Enterprise patient ids: "p-" and 20 random base-32 characters. Random, so an id reveals nothing
/// about the person or the source that first sent them.
/// </summary>
public static class PatientIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int Length = 20;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"p-{chars}";
    }

    public static bool IsValid(string? id) =>
        id is { Length: Length + 2 } && id.StartsWith("p-", StringComparison.Ordinal) && id.AsSpan(2).IndexOfAnyExcept(Alphabet) < 0;
}
