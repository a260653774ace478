namespace OrleansHealth.Synthetic.Names;

/// <summary>A city with the first three ZIP digits and the telephone area code used there.</summary>
internal sealed record Place(string City, string State, string ZipPrefix, string AreaCode);
