using System.Text;

namespace OrleansHealth.Clinical.Formats.Tests.Support;

/// <summary>Runs a reader to the end and hands back what it yielded.</summary>
internal static class ReaderRun
{
    public static async Task<List<ReadItem>> ReadAllAsync(IRecordReader reader, Stream body)
    {
        var items = new List<ReadItem>();
        await foreach (var item in reader.ReadAsync(body))
        {
            items.Add(item);
        }

        return items;
    }

    public static async Task<List<ReadItem>> ReadFileAsync(IRecordReader reader, string path)
    {
        await using var file = File.OpenRead(path);
        return await ReadAllAsync(reader, file);
    }

    public static Task<List<ReadItem>> ReadTextAsync(IRecordReader reader, string text) =>
        ReadAllAsync(reader, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    public static List<T> Facts<T>(this IEnumerable<ReadItem> items) where T : IClinicalFact =>
        items.OfType<FactRead>().Select(read => read.Fact).OfType<T>().ToList();

    public static List<RecordRejected> Rejections(this IEnumerable<ReadItem> items) => items.OfType<RecordRejected>().ToList();

    public static List<RecordSkipped> Skips(this IEnumerable<ReadItem> items) => items.OfType<RecordSkipped>().ToList();

    public static FactRead Single<T>(this IEnumerable<ReadItem> items) where T : IClinicalFact =>
        Assert.Single(items.OfType<FactRead>(), read => read.Fact is T);

    /// <summary>Every rejection's line and reason, for an assertion message that says what went wrong.</summary>
    public static string Describe(this IEnumerable<RecordRejected> rejections) =>
        string.Join(Environment.NewLine, rejections.Select(r => $"{r.Line}: {r.Reason}"));
}
