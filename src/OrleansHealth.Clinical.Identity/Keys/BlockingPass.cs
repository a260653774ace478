namespace OrleansHealth.Clinical.Identity.Keys;

/// <summary>The prefixes of the blocking passes: a key's prefix tells which pass made it (and is all of it that is readable).</summary>
public static class BlockingPass
{
    /// <summary>Soundex of the family name and birth year.</summary>
    public const string FamilyYear = "fy";

    /// <summary>Soundex of the family name, birth month and day in either order (survives a wrong year).</summary>
    public const string FamilyMonthDay = "fd";

    /// <summary>NYSIIS of the given name's formal form and the birth date with month and day in either order.</summary>
    public const string GivenDate = "gd";

    /// <summary>NYSIIS of the given name's formal form and birth year (survives a changed family name).</summary>
    public const string GivenYear = "gy";

    /// <summary>Last seven digits of the phone (with or without area code).</summary>
    public const string Phone = "ph";

    /// <summary>ZIP and birth year.</summary>
    public const string ZipYear = "zy";
}
