using System.Diagnostics;
using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Bench.Common;

/// <summary>
/// Writes a tabular CSV straight into the feature partitions, as the timelines the tabular ingest
/// would produce (one patient per row, one observation per non-empty column coded
/// <c>urn:ohealth:tabular:{source}|{column}</c>, numbers as values, other text as text). It skips the
/// ingest pipeline (identity, patient grains), so it only stands in where ingest is not what is measured.
/// </summary>
public static class DirectLoad
{
    public static async Task<IngestResult> LoadCsvAsync(IGrainFactory grains, string source, string path, string idColumn)
    {
        var clock = Stopwatch.StartNew();
        var system = CodeSystems.Tabular(source);
        using var reader = new StreamReader(path);
        var header = (await reader.ReadLineAsync())!.Split(',');
        var idIndex = Array.IndexOf(header, idColumn);
        var codes = header.Select(c => $"{system}|{c}").ToArray();
        var rows = 0;
        var facts = 0;
        var batch = new List<ClinicalTimeline>(2_000);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            var observations = new List<TimelineObservation>(fields.Length);
            for (var i = 0; i < fields.Length; i++)
            {
                if (i == idIndex || fields[i].Length == 0)
                {
                    continue;
                }

                observations.Add(double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new TimelineObservation(codes[i], number, null, null)
                    : new TimelineObservation(codes[i], null, fields[i], null));
            }

            rows++;
            facts += observations.Count + 1;
            batch.Add(new ClinicalTimeline($"ps-{source}-{fields[idIndex]}", null, AdministrativeSex.Unknown, observations, []));
            if (batch.Count == 2_000)
            {
                await WriteAsync(grains, batch);
                batch.Clear();
            }
        }

        await WriteAsync(grains, batch);
        return new IngestResult(facts, 0, 0, 0, rows, new FileInfo(path).Length, clock.Elapsed.TotalSeconds);
    }

    private static Task WriteAsync(IGrainFactory grains, List<ClinicalTimeline> batch) =>
        Task.WhenAll(batch.Select(t => grains.GetGrain<IFeaturePartitionGrain>(FeaturePartitions.Of(t.PseudonymousId)).UpsertAsync(t)));
}
