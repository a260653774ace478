using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>One silo's membership view, from <c>GET /api/cluster</c>.</summary>
public static class SiloStatuses
{
    public static async Task<List<(string Name, string Status, bool IsSelf)>> ReadAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/cluster"));
        return
        [
            .. document.RootElement.GetProperty("silos").EnumerateArray().Select(s => (
                s.GetProperty("name").GetString()!,
                s.GetProperty("status").GetString()!,
                s.GetProperty("isSelf").GetBoolean())),
        ];
    }
}
