using System.Text.RegularExpressions;

namespace OrleansHealth.Silo.Tests.Privacy;

/// <summary>
/// Looks for identifiers in a set of texts. A one-word identifier (a name, an MRN, a ZIP code) must appear as a
/// whole word, as written or in capitals, so that "Mark" is not found in "Marker"; a longer one (a date, a phone
/// number, an address, a UUID) anywhere.
/// </summary>
internal sealed class IdentifierScan
{
    private static readonly Regex NotAWord = new(@"[^\p{L}\p{Nd}]+", RegexOptions.Compiled);

    private readonly List<(string Where, string Text)> _texts = [];
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);

    public void Add(string where, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            var index = _texts.Count;
            _texts.Add((where, text));
            foreach (var word in Words(text))
            {
                _words.TryAdd(word, index);
            }
        }
    }

    public int Texts => _texts.Count;

    /// <summary>Each identifier found, with where and the text around it.</summary>
    public List<string> Find(IEnumerable<Identifier> identifiers)
    {
        var hits = new List<string>();
        foreach (var identifier in identifiers)
        {
            var value = identifier.Value;
            if (Words(value).Count() == 1)
            {
                if (_words.TryGetValue(value, out var index) || _words.TryGetValue(value.ToUpperInvariant(), out index))
                {
                    hits.Add(Describe(identifier, _texts[index], value));
                }

                continue;
            }

            foreach (var text in _texts.Where(t => t.Text.Contains(value, StringComparison.OrdinalIgnoreCase)).Take(1))
            {
                hits.Add(Describe(identifier, text, value));
            }
        }

        return hits;
    }

    private static IEnumerable<string> Words(string text) => NotAWord.Split(text).Where(w => w.Length > 0);

    private static string Describe(Identifier identifier, (string Where, string Text) found, string value)
    {
        var at = Math.Max(0, found.Text.IndexOf(value, StringComparison.OrdinalIgnoreCase));
        var start = Math.Max(0, at - 60);
        var context = found.Text.Substring(start, Math.Min(found.Text.Length - start, value.Length + 120)).ReplaceLineEndings(" ");
        return $"{identifier.Kind} '{value}' in {found.Where}: …{context}…";
    }
}
