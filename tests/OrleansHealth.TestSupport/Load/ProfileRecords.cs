using System.Net;
using System.Text.Json;

namespace OrleansHealth.TestSupport.Load;

/// <summary>What the HTTP API says a source's patient holds: the record ids behind its observations and events.</summary>
public static class ProfileRecords
{
    /// <summary>
    /// The record id of every fact <paramref name="sourceId"/> contributed to the profile linked to its
    /// <paramref name="localId"/> (a record with components, such as a blood pressure, is one fact per component:
    /// <c>Observation/x#8480-6</c>); null when the source has no such patient. Relative to <paramref name="silo"/>,
    /// or to the client's base address when that is null.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(HttpClient http, Uri? silo, string sourceId, string localId)
    {
        Uri At(string path) => silo is null ? new Uri(path, UriKind.Relative) : new Uri(silo, path);

        using var link = await http.GetAsync(At($"/api/patients?source={Uri.EscapeDataString(sourceId)}&localId={Uri.EscapeDataString(localId)}"));
        if (link.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        link.EnsureSuccessStatusCode();
        var profilePath = JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("profile").GetString()!;
        using var profile = JsonDocument.Parse(await http.GetStringAsync(At(profilePath)));
        var observations = profile.RootElement.GetProperty("observations").EnumerateArray()
            .SelectMany(series => series.GetProperty("values").EnumerateArray());
        var events = profile.RootElement.GetProperty("events").EnumerateObject()
            .SelectMany(kind => kind.Value.EnumerateArray());
        return
        [
            .. observations.Concat(events)
                .Select(fact => fact.GetProperty("source"))
                .Where(source => source.GetProperty("sourceId").GetString() == sourceId)
                .Select(source => source.GetProperty("recordId").GetString()!),
        ];
    }

    /// <summary>
    /// Why <paramref name="facts"/> (from <see cref="ReadAsync"/>) is not exactly the records
    /// <paramref name="sent"/>, each once; null when it is.
    /// </summary>
    public static string? Mismatch(string localId, IEnumerable<string> sent, IReadOnlyList<string>? facts)
    {
        if (facts is null)
        {
            return $"{localId}: no patient";
        }

        var twice = facts.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var held = facts.Select(f => f.Split('#')[0]).ToHashSet();
        var expected = sent.ToHashSet();
        var missing = expected.Where(id => !held.Contains(id)).ToList();
        var extra = held.Where(id => !expected.Contains(id)).ToList();
        return twice.Count + missing.Count + extra.Count == 0
            ? null
            : $"{localId}: {missing.Count} missing ({string.Join(", ", missing.Take(3))}), {extra.Count} not sent, {twice.Count} twice";
    }
}
