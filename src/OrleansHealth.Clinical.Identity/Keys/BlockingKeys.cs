using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Text;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Keys;

/// <summary>
/// The keys of the blocks a record joins and whose members it is compared with. Several passes,
/// each robust to a different error, so a true pair shares a key unless errors hit every pass:
/// a family-name typo that changes its Soundex breaks <see cref="BlockingPass.FamilyYear"/> and
/// <see cref="BlockingPass.FamilyMonthDay"/> but not <see cref="BlockingPass.GivenDate"/>,
/// <see cref="BlockingPass.GivenYear"/>, <see cref="BlockingPass.Phone"/> or
/// <see cref="BlockingPass.ZipYear"/>; a nickname is blocked by its formal name; swapped day and
/// month are blocked in either order. Every pass combines a coarse code with a date part or is
/// itself rare (a phone), so blocks stay small. Keys are hashed (<see cref="KeyHasher"/>).
/// </summary>
public static class BlockingKeys
{
    /// <summary>The keys of <paramref name="demographics"/>, unkeyed hashes, default profile settings.</summary>
    public static IReadOnlyList<string> For(Demographics demographics) => For(PersonProfile.From(demographics), KeyHasher.Unkeyed);

    /// <summary>The keys of a profile, hashed with <paramref name="hasher"/>; distinct, in pass order.</summary>
    public static IReadOnlyList<string> For(PersonProfile profile, KeyHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(hasher);
        var keys = new List<string>(8);
        var date = profile.BirthDate;
        var monthDay = date is { } d ? MonthDayEitherOrder(d) : null;
        var year = date?.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

        Add(keys, hasher, BlockingPass.FamilyYear, profile.FamilySoundex, year);
        Add(keys, hasher, BlockingPass.FamilyMonthDay, profile.FamilySoundex, monthDay);
        foreach (var given in GivenCodes(profile))
        {
            Add(keys, hasher, BlockingPass.GivenDate, given, year is null ? null : year + monthDay);
            Add(keys, hasher, BlockingPass.GivenYear, given, year);
        }

        Add(keys, hasher, BlockingPass.Phone, profile.Phone is { Length: >= 7 } phone ? phone[^7..] : null, "");
        Add(keys, hasher, BlockingPass.ZipYear, profile.PostalCode, year);
        return keys;
    }

    /// <summary>
    /// The <see cref="BlockingPass.FamilyYear"/> keys a person named <paramref name="familyName"/> and born in
    /// one of <paramref name="birthYears"/> would have joined: what a search by name reads, so that it finds
    /// patients through the same blocks identity resolution keeps (spelling variants with the same Soundex included).
    /// </summary>
    public static IReadOnlyList<string> ForFamilyName(string familyName, IEnumerable<int> birthYears, KeyHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(birthYears);
        ArgumentNullException.ThrowIfNull(hasher);
        var soundex = Soundex.Encode(NameNormalizer.Normalize(familyName));
        var keys = new List<string>();
        foreach (var year in birthYears)
        {
            Add(keys, hasher, BlockingPass.FamilyYear, soundex, year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return keys;
    }

    // The formal names of a nickname's groups (so "BOB" and "ROBERT" meet), or the name itself,
    // each by NYSIIS so spelling variants outside the table meet too.
    private static IEnumerable<string> GivenCodes(PersonProfile profile)
    {
        if (profile.GivenName is null)
        {
            return [];
        }

        var names = profile.GivenFormalNames.Count > 0 ? profile.GivenFormalNames : [profile.GivenName];
        return names.Select(n => Nysiis.Encode(n)).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    private static string MonthDayEitherOrder(DateOnly date)
    {
        var low = Math.Min(date.Month, date.Day);
        var high = Math.Max(date.Month, date.Day);
        return string.Create(4, (low, high), static (span, v) =>
        {
            span[0] = (char)('0' + v.low / 10);
            span[1] = (char)('0' + v.low % 10);
            span[2] = (char)('0' + v.high / 10);
            span[3] = (char)('0' + v.high % 10);
        });
    }

    private static void Add(List<string> keys, KeyHasher hasher, string pass, string? code, string? qualifier)
    {
        if (string.IsNullOrEmpty(code) || qualifier is null)
        {
            return;
        }

        var key = hasher.Hash(pass, string.Concat(code, "|", qualifier));
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
