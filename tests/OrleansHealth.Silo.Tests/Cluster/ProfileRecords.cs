using System.Net;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>What the HTTP API says a source's patient holds: the record ids behind its observations and events.</summary>
public static class ProfileRecords
{
    /// <summary>
    /// The record id of every fact of the profile linked to <paramref name="localId"/> (a record with components,
    /// such as a blood pressure, is one fact per component: <c>Observation/x#8480-6</c>); null when the source has
    /// no such patient.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(HttpClient http, string sourceId, string localId)
    {
        using var link = await http.GetAsync($"/api/patients?source={sourceId}&localId={Uri.EscapeDataString(localId)}");
        if (link.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        link.EnsureSuccessStatusCode();
        var profilePath = JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("profile").GetString()!;
        using var profile = JsonDocument.Parse(await http.GetStringAsync(profilePath));
        var observations = profile.RootElement.GetProperty("observations").EnumerateArray()
            .SelectMany(series => series.GetProperty("values").EnumerateArray());
        var events = profile.RootElement.GetProperty("events").EnumerateObject()
            .SelectMany(kind => kind.Value.EnumerateArray());
        return [.. observations.Concat(events).Select(fact => fact.GetProperty("source").GetProperty("recordId").GetString()!)];
    }

    /// <summary>
    /// Why <paramref name="facts"/> (from <see cref="ReadAsync"/>) is not exactly the records of <paramref name="feed"/>,
    /// each once; null when it is.
    /// </summary>
    public static string? Mismatch(PatientFeed feed, IReadOnlyList<string>? facts)
    {
        if (facts is null)
        {
            return $"{feed.LocalId}: no patient";
        }

        var twice = facts.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var held = facts.Select(f => f.Split('#')[0]).ToHashSet();
        var sent = feed.RecordIds.ToHashSet();
        var missing = sent.Where(id => !held.Contains(id)).ToList();
        var extra = held.Where(id => !sent.Contains(id)).ToList();
        return twice.Count + missing.Count + extra.Count == 0
            ? null
            : $"{feed.LocalId}: {missing.Count} missing ({string.Join(", ", missing.Take(3))}), {extra.Count} not sent, {twice.Count} twice";
    }
}
