using System.Text;

namespace OrleansHealth.Synthetic.Tests.Support;

/// <summary>A small RFC 4180 reader for checking written CSV: rows as header → value maps.</summary>
public static class CsvFile
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = Split(File.ReadAllText(path));
        var header = lines[0];
        return [.. lines.Skip(1).Select(fields => header.Zip(fields).ToDictionary(p => p.First, p => p.Second))];
    }

    private static List<List<string>> Split(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        return rows;
    }
}
