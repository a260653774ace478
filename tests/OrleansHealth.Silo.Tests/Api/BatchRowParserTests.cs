using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Api;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>
/// The batch line parser: its answers, and that they are exactly those of reading each line as a
/// <see cref="JsonDocument"/>, as the endpoint did before it read lines in one pass.
/// </summary>
public sealed class BatchRowParserTests
{
    private static readonly string[] Features = ["Glucose", "BMI", "Age", "Pregnancies"];

    private static (BatchRow Row, float[] Values) Parse(string json, int line = 1) => Parse(Encoding.UTF8.GetBytes(json), line);

    private static (BatchRow Row, float[] Values) Parse(byte[] json, int line = 1)
    {
        var values = new float[Features.Length];
        return (new BatchRowParser(Features).Parse(line, json, values), values);
    }

    [Fact]
    public void Array_WritesTheValuesInOrder_NullIsMissing()
    {
        var (row, values) = Parse("{\"id\":\"a\",\"features\":[183,23.3,null,-8e0]}", line: 7);

        Assert.Equal(new BatchRow(7, "a", null, null), row);
        Assert.True(row.HasFeatures);
        Assert.Equal([183f, 23.3f, float.NaN, -8f], values);
    }

    [Fact]
    public void Object_ByNameIgnoringCase_AbsentIsMissing()
    {
        var (row, values) = Parse("{\"features\":{\"glucose\":148,\"Age\":null,\"B\\u004dI\":30.5}}");

        Assert.True(row.HasFeatures);
        Assert.Equal([148f, 30.5f, float.NaN, float.NaN], values);
    }

    [Fact]
    public void PatientId_IsAPatientRow_WhateverTheFeatures()
    {
        var (row, _) = Parse("{\"patientId\":\"p-1\",\"features\":[1],\"id\":7}");

        Assert.Equal(new BatchRow(1, "7", "p-1", null), row);
        Assert.False(row.HasFeatures);
    }

    [Theory]
    [InlineData("{\"features\":[1,2]}", "the row has 2 values; the active version has 4 features: Glucose, BMI, Age, Pregnancies")]
    [InlineData("{\"features\":[1,2,3,4,\"x\"]}", "the row has 5 values; the active version has 4 features: Glucose, BMI, Age, Pregnancies")]
    [InlineData("{\"features\":[\"x\",2,3,4]}", "value 1 ('Glucose') is not a number or null")]
    [InlineData("{\"features\":[1,2,[3],{}]}", "value 3 ('Age') is not a number or null")]
    [InlineData("{\"features\":{\"Weight\":1}}", "'Weight' is not a feature of the active version; it has Glucose, BMI, Age, Pregnancies")]
    [InlineData("{\"features\":{\"bmi\":true}}", "'bmi' is not a number or null")]
    [InlineData("{\"features\":5}", "\"features\" must be an array in the model's feature order or an object by feature name")]
    [InlineData("{\"id\":\"a\"}", "the line has neither \"patientId\" nor \"features\"")]
    [InlineData("{\"patientId\":5}", "the line has neither \"patientId\" nor \"features\"")]
    [InlineData("[1,2,3,4]", "each line must be a JSON object with \"patientId\" or \"features\"")]
    [InlineData("{\"features\":[1,2,3,4]} x", "not valid JSON: 'x' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: 23.")]
    [InlineData("{\"features\":[\"x\",2,3,4],", "not valid JSON: Expected start of a property name or value, but instead reached end of data. LineNumber: 0 | BytePositionInLine: 23.")]
    public void BadLines_SayWhy(string json, string error)
    {
        var (row, _) = Parse(json);

        Assert.Equal(error, row.Error);
        Assert.False(row.HasFeatures);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"features\":[1,2,3,4],\"x\":\"\xff\"}", null)]
    [InlineData("{\"id\":\"\xff\",\"features\":[1,2,3,4]}", "not valid JSON: a string is not valid UTF-8")]
    [InlineData("{\"id\":\"\xff\",\"features\":[1,2,3,4}", "not valid JSON: '}' is invalid without a matching open. LineNumber: 0 | BytePositionInLine: 29.")]
    public void NotUtf8_IsABadLine_OnlyWhereTheStringIsRead(string latin1, string? error)
    {
        var (row, _) = Parse(Encoding.Latin1.GetBytes(latin1));

        Assert.Equal(error, row.Error);
    }

    [Fact]
    public void AgreesWithReadingTheLineAsADocument()
    {
        foreach (var line in Lines().Concat(Mutations(Lines().ToList(), 5_000)))
        {
            AssertSame(line);
        }
    }

    private static void AssertSame(byte[] line)
    {
        var expected = Outcome(() => DocumentReading.Parse(Features, 3, line));
        var actual = Outcome(() =>
        {
            var values = new float[Features.Length];
            var row = new BatchRowParser(Features).Parse(3, line, values);
            return new DocumentReading.Row(row.Line, row.Id, row.PatientId, row.HasFeatures ? values : null, row.Error);
        });
        var text = Encoding.UTF8.GetString(line);
        if (expected.Failure == nameof(InvalidOperationException))
        {
            // The document reading crashed on a string that is not UTF-8 (a 500); the parser calls the line bad.
            Assert.Equal("not valid JSON: a string is not valid UTF-8", actual.Row?.Error);
            return;
        }

        Assert.True(expected.Failure == actual.Failure, $"{text}: {expected.Failure} vs {actual.Failure}");
        if (expected.Row is { } e && actual.Row is { } a)
        {
            Assert.True(e with { Features = null } == a with { Features = null }, $"{text}:\n{e}\n{a}");
            Assert.True(e.Features is null == a.Features is null && (e.Features is null || e.Features.SequenceEqual(a.Features!)),
                $"{text}: [{string.Join(", ", e.Features ?? [])}] vs [{string.Join(", ", a.Features ?? [])}]");
        }
    }

    private static (DocumentReading.Row? Row, string? Failure) Outcome(Func<DocumentReading.Row> parse)
    {
        try
        {
            return (parse(), null);
        }
        catch (Exception e)
        {
            return (null, e.GetType().Name);
        }
    }

    private static IEnumerable<byte[]> Lines() => new[]
    {
        "{\"features\":[183,23.3,32,8]}", "  {\"features\" : [ 1 , null , 3.5e2 , -0 ] }\r", "{\"features\":[1e400,2,3,4]}", "{\"features\":[1,2,3,-1e39]}",
        "{\"features\":[1.5,2,3,4],\"id\":\"r-1\"}", "{\"id\":12.50,\"features\":[1,2,3,4]}", "{\"id\":null,\"features\":[1,2,3,4]}",
        "{\"id\":true,\"features\":[1,2,3,4]}", "{\"id\":false,\"features\":[1,2,3,4]}", "{\"id\":{\"a\": [1, 2]},\"features\":[1,2,3,4]}",
        "{\"id\":[ \"x\" ],\"features\":[1,2,3,4]}", "{\"id\":\"\\u00e9t\\u00e9\",\"features\":[1,2,3,4]}", "{\"\\u0069d\":\"esc\",\"f\\u0065atures\":[1,2,3,4]}",
        "{\"id\":\"a\",\"id\":\"b\",\"features\":[1,2,3,4]}", "{\"features\":[\"x\",2,3,4],\"features\":[1,2,3,4]}", "{\"features\":[1,2,3,4],\"features\":[1]}",
        "{\"features\":[1,2,3,4],\"features\":{\"Age\":3}}", "{\"features\":[1,2],\"x\":[1,{\"y\":null}]}", "{\"features\":[1,2,3,4,5,6,[7],{\"a\":1}]}",
        "{\"features\":[1,true,3,\"4\"]}", "{\"features\":[]}", "{\"features\":{}}", "{\"features\":null}", "{\"features\":\"1,2,3,4\"}",
        "{\"features\":{\"GLUCOSE\":1,\"age\":2,\"Glucose\":3}}", "{\"features\":{\"Age\":\"3\"}}", "{\"features\":{\"Age\":[3]}}",
        "{\"features\":{\"Nope\":1,\"Age\":\"x\"}}", "{\"features\":{\"Age\":\"x\",\"Nope\":1}}", "{\"features\":{\"Ag\\u00e9\":1}}", "{\"features\":{\"Age\":1e400}}",
        "{\"patientId\":\"p-00000000000000000000001\"}", "{\"patientId\":\"p-1\",\"features\":[\"bad\"]}", "{\"patientId\":7,\"features\":[1,2,3,4]}",
        "{\"patientId\":\"p-1\",\"patientId\":null}", "{\"patientId\":null,\"patientId\":\"p-2\"}", "{\"patientId\":{\"a\":1}}", "{\"patientId\":\"\"}",
        "{\"PatientId\":\"p-1\"}", "{}", "[]", "[1,2,3,4]", "4", "\"features\"", "null", "true", "{\"features\":[1,2,3,4]}{}", "{\"features\":[1,2,3,4]} 5",
        "{\"features\":[1,2,3,4],}", "{\"features\":[1,2,3,4,]}", "{\"features\":[1,2,3,4]} // c", "{\"features\":[1,2,3,4]", "{\"features\":[01,2,3,4]}",
        "{\"features\":[NaN,2,3,4]}", "{\"features\":[1,2,3,4]", "{\"features\"", "{", "}", "\f", "{\"features\":[\"x\",2,3,4],\"y\":tru}", "{'features':[1,2,3,4]}",
        new string('[', 70) + new string(']', 70), "{\"x\":" + new string('[', 70) + new string(']', 70) + ",\"features\":[1,2,3,4]}",
    }.Select(Encoding.UTF8.GetBytes).Concat(
    [
        [.. "{\"id\":\""u8, 0xff, .. "\",\"features\":[1,2,3,4]}"u8],
        [.. "{\"patientId\":\""u8, 0xc3, .. "\"}"u8],
        [.. "{\"features\":{\""u8, 0xff, .. "\":1}}"u8],
    ]);

    /// <summary>Lines with a byte deleted, doubled or replaced by JSON punctuation: mostly invalid, in every way the reader can meet.</summary>
    private static IEnumerable<byte[]> Mutations(List<byte[]> lines, int count)
    {
        var random = new Random(11);
        var punctuation = "{}[],:\"\\ 0-.enultrf"u8.ToArray();
        for (var n = 0; n < count; n++)
        {
            var line = lines[random.Next(lines.Count)].ToList();
            if (line.Count == 0)
            {
                continue;
            }

            var at = random.Next(line.Count);
            switch (random.Next(3))
            {
                case 0:
                    line.RemoveAt(at);
                    break;
                case 1:
                    line.Insert(at, line[at]);
                    break;
                default:
                    line[at] = punctuation[random.Next(punctuation.Length)];
                    break;
            }

            yield return [.. line];
        }
    }

    /// <summary>How the endpoint read a line before: the whole line as a <see cref="JsonDocument"/>. The reference the parser must agree with.</summary>
    private static class DocumentReading
    {
        public sealed record Row(int Line, string? Id, string? PatientId, float[]? Features, string? Error);

        public static Row Parse(IReadOnlyList<string> features, int line, byte[] json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new Row(line, null, null, null, "each line must be a JSON object with \"patientId\" or \"features\"");
                }

                var id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : null;
                if (root.TryGetProperty("patientId", out var patient) && patient.ValueKind == JsonValueKind.String)
                {
                    return new Row(line, id, patient.GetString(), null, null);
                }

                if (!root.TryGetProperty("features", out var values))
                {
                    return new Row(line, id, null, null, "the line has neither \"patientId\" nor \"features\"");
                }

                return values.ValueKind switch
                {
                    JsonValueKind.Array => FromArray(features, line, id, values),
                    JsonValueKind.Object => FromObject(features, line, id, values),
                    _ => new Row(line, id, null, null, "\"features\" must be an array in the model's feature order or an object by feature name"),
                };
            }
            catch (JsonException e)
            {
                return new Row(line, null, null, null, $"not valid JSON: {e.Message.Split(" Path:")[0]}");
            }
        }

        private static Row FromArray(IReadOnlyList<string> features, int line, string? id, JsonElement values)
        {
            if (values.GetArrayLength() != features.Count)
            {
                return new Row(line, id, null, null, $"the row has {values.GetArrayLength()} values; the active version has {features.Count} features: {string.Join(", ", features)}");
            }

            var row = new float[features.Count];
            var i = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (!TryNumber(value, out row[i]))
                {
                    return new Row(line, id, null, null, $"value {i + 1} ('{features[i]}') is not a number or null");
                }

                i++;
            }

            return new Row(line, id, null, row, null);
        }

        private static Row FromObject(IReadOnlyList<string> features, int line, string? id, JsonElement values)
        {
            var index = features.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.OrdinalIgnoreCase);
            var row = Enumerable.Repeat(float.NaN, features.Count).ToArray();
            foreach (var property in values.EnumerateObject())
            {
                if (!index.TryGetValue(property.Name, out var i))
                {
                    return new Row(line, id, null, null, $"'{property.Name}' is not a feature of the active version; it has {string.Join(", ", features)}");
                }

                if (!TryNumber(property.Value, out row[i]))
                {
                    return new Row(line, id, null, null, $"'{property.Name}' is not a number or null");
                }
            }

            return new Row(line, id, null, row, null);
        }

        private static bool TryNumber(JsonElement value, out float number)
        {
            number = float.NaN;
            if (value.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d))
            {
                number = (float)d;
                return true;
            }

            return false;
        }
    }
}
