using System.Collections.Concurrent;
using System.Text;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// An upstream feed: takes patients from a shared queue and sends each as small NDJSON batches, one request at a
/// time with a pause after each, to the silos in turn. A failed request (no answer or not 2xx) is retried once,
/// on the next silo.
/// </summary>
public sealed class Feeder(IReadOnlyList<HttpClient> silos, string sourceId, int firstSilo, int batchLines, TimeSpan pause)
{
    private int _next = firstSilo;

    /// <summary>Patients whose every batch was sent.</summary>
    public List<PatientFeed> Sent { get; } = [];

    public int Requests { get; private set; }

    /// <summary>Why first attempts failed (each was then retried).</summary>
    public List<string> FailedOnce { get; } = [];

    /// <summary>Requests that failed on the retry too.</summary>
    public List<string> FailedTwice { get; } = [];

    /// <summary>Sends patients until <paramref name="stop"/> is cancelled (the patient in hand is finished) or none are left.</summary>
    public async Task RunAsync(ConcurrentQueue<PatientFeed> patients, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && patients.TryDequeue(out var patient))
        {
            foreach (var batch in patient.Batches(batchLines))
            {
                await SendAsync(PatientFeed.Body(batch));
                await Task.Delay(pause, CancellationToken.None);
            }

            Sent.Add(patient);
        }
    }

    private async Task SendAsync(string body)
    {
        Requests++;
        if (await TryAsync(body) is not { } first)
        {
            return;
        }

        FailedOnce.Add(first);
        if (await TryAsync(body) is { } second)
        {
            FailedTwice.Add($"{first}; retried: {second}");
        }
    }

    /// <summary>Null when the batch was acknowledged, else what went wrong.</summary>
    private async Task<string?> TryAsync(string body)
    {
        var silo = silos[_next++ % silos.Count];
        try
        {
            using var response = await silo.PostAsync($"/api/sources/{sourceId}/records",
                new StringContent(body, Encoding.UTF8, "application/fhir+ndjson"));
            return response.IsSuccessStatusCode
                ? null
                : $"{silo.BaseAddress!.Port}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return $"{silo.BaseAddress!.Port}: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
