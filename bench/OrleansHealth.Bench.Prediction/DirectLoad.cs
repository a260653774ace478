using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Bench.Prediction;

/// <summary>
/// <c>--load direct</c>: writes the peer's CSV straight into the feature partitions as the timelines the
/// tabular ingest produces (one patient per row, one observation per column coded
/// <c>urn:ohealth:tabular:{source}|{column}</c>), skipping identity resolution and patient grains. Only
/// for when the tabular ingest of 120,000 rows takes too long; scoring is what this benchmark measures.
/// </summary>
internal static class DirectLoad
{
    public static async Task<int> LoadCsvAsync(IGrainFactory grains, string source, string path, string idColumn)
    {
        var system = CodeSystems.Tabular(source);
        using var reader = new StreamReader(path);
        var header = (await reader.ReadLineAsync())!.Split(',');
        var idIndex = Array.IndexOf(header, idColumn);
        var codes = header.Select(c => $"{system}|{c}").ToArray();
        var rows = 0;
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
                if (i != idIndex && fields[i].Length > 0)
                {
                    observations.Add(double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? new TimelineObservation(codes[i], number, null, null)
                        : new TimelineObservation(codes[i], null, fields[i], null));
                }
            }

            rows++;
            batch.Add(new ClinicalTimeline($"ps-{source}-{fields[idIndex]}", null, AdministrativeSex.Unknown, observations, []));
            if (batch.Count == 2_000)
            {
                await WriteAsync(grains, batch);
                batch.Clear();
            }
        }

        await WriteAsync(grains, batch);
        return rows;
    }

    private static Task WriteAsync(IGrainFactory grains, List<ClinicalTimeline> batch) =>
        Task.WhenAll(batch.Select(t => grains.GetGrain<IFeaturePartitionGrain>(FeaturePartitions.Of(t.PseudonymousId)).UpsertAsync(t)));
}
