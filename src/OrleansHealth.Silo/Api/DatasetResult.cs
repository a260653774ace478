using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Privacy;

namespace OrleansHealth.Silo.Api;

/// <summary>The export formats of <see cref="DatasetApi"/>.</summary>
public static class DatasetFormat
{
    public const string Csv = "csv";
    public const string Ndjson = "ndjson";

    public static bool IsKnown(string format) => format is Csv or Ndjson;
}

/// <summary>
/// Streams a model's de-identified rows: the partitions are asked one after another (the next while the
/// current one is written), so memory holds at most two partitions' rows and no grain serves the whole export.
/// Being a result rather than a handler that writes, it is sent only after the audit filter has recorded the export.
/// </summary>
internal sealed class DatasetResult(ModelDefinition definition, IGrainFactory grains, DateOnly today, string format) : IResult, IStatusCodeHttpResult
{
    /// <summary>The columns before the features; true for those that are numbers.</summary>
    private static readonly (string Name, bool IsNumber)[] Leading =
        [("pseudonym", false), ("sex", false), ("ageGroup", false), ("birthYear", true), ("zip3", false), ("referenceYear", true)];

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var extractor = new DatasetExtractor(definition);
        (string Name, bool IsNumber)[] columns =
        [
            .. Leading,
            .. extractor.FeatureNames.Select(name => (FeatureColumn(name), true)),
            ("outcome", true),
            .. extractor.HasHoldout ? [("holdout", false)] : Array.Empty<(string, bool)>(),
        ];
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format == DatasetFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        if (format == DatasetFormat.Csv)
        {
            WriteCsvLine(response.BodyWriter, [.. columns.Select(c => c.Name)]);
        }

        var next = Partition(0);
        for (var partition = 0; partition < FeaturePartitions.Count; partition++)
        {
            var rows = await next;
            if (partition + 1 < FeaturePartitions.Count)
            {
                next = Partition(partition + 1);
            }

            foreach (var row in rows)
            {
                var fields = Fields(row, extractor.HasHoldout);
                if (format == DatasetFormat.Csv)
                {
                    WriteCsvLine(response.BodyWriter, fields);
                }
                else
                {
                    WriteJsonLine(response.BodyWriter, columns, fields);
                }
            }

            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }

    /// <summary>A feature's column: its name, unless that is already a column of the export (a feature called "sex").</summary>
    private static string FeatureColumn(string name) =>
        Leading.Any(c => c.Name == name) || name is "outcome" or "holdout" ? $"feature.{name}" : name;

    private Task<IReadOnlyList<DeidentifiedRow>> Partition(int index) =>
        grains.GetGrain<IFeaturePartitionGrain>(index).ExportAsync(definition, today);

    /// <summary>The row's values in column order, as text; null for missing.</summary>
    private static string?[] Fields(DeidentifiedRow row, bool holdout)
    {
        var fields = new List<string?>(Leading.Length + row.Features.Length + 2)
        {
            row.Pseudonym,
            row.Sex == AdministrativeSex.Unknown ? null : row.Sex.ToString().ToLowerInvariant(),
            row.Age,
            row.BirthYear?.ToString(CultureInfo.InvariantCulture),
            row.Zip3,
            row.ReferenceYear?.ToString(CultureInfo.InvariantCulture),
        };
        fields.AddRange(row.Features.Select(v => float.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture)));
        fields.Add(row.Outcome ? "1" : "0");
        if (holdout)
        {
            fields.Add(row.Holdout);
        }

        return [.. fields];
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; missing is empty.</summary>
    private static void WriteCsvLine(IBufferWriter<byte> output, IReadOnlyList<string?> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var field = fields[i] ?? "";
            line.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        line.Append("\r\n");
        Encoding.UTF8.GetBytes(line.ToString(), output);
    }

    /// <summary>One object per row; numbers stay numbers, missing values are null.</summary>
    private static void WriteJsonLine(IBufferWriter<byte> output, (string Name, bool IsNumber)[] columns, string?[] fields)
    {
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Length; i++)
            {
                json.WritePropertyName(columns[i].Name);
                if (fields[i] is not { } value)
                {
                    json.WriteNullValue();
                }
                else if (columns[i].IsNumber)
                {
                    json.WriteNumberValue(double.Parse(value, CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteStringValue(value);
                }
            }

            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }
}
