using System.Buffers;
using System.Text.Json;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes FHIR Bulk Data NDJSON: one file per resource type (<c>{folder}/Patient.ndjson</c>, …), one
/// resource a line, <c>Type/{id}</c> references. A patient sent twice has each of its lines twice.
/// </summary>
internal sealed class NdjsonSink : IFeedSink
{
    /// <summary>The files, in the order a reader should ingest them (patients before what refers to them).</summary>
    public static readonly string[] ResourceTypes = ["Patient", "Encounter", "Observation", "Condition", "MedicationRequest", "Procedure"];

    private readonly FhirResourceWriter resources = new(urnReferences: false);
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter writer;
    private readonly Stream[] streams;

    public NdjsonSink(IDocumentTarget target, string folder)
    {
        writer = new Utf8JsonWriter(buffer, FhirJson.WriterOptions);
        streams = [.. ResourceTypes.Select(type => target.Create($"{folder}/{type}.ndjson"))];
    }

    public void Write(SourcePatient patient)
    {
        WriteAll(patient);
        if (patient.SentTwice)
        {
            WriteAll(patient);
        }
    }

    public void Complete()
    {
        foreach (var stream in streams)
        {
            stream.Flush();
        }
    }

    public void Dispose()
    {
        writer.Dispose();
        foreach (var stream in streams)
        {
            stream.Dispose();
        }
    }

    private void WriteAll(SourcePatient patient)
    {
        Start();
        resources.WritePatient(writer, patient);
        End(0);
        foreach (var encounter in patient.Encounters)
        {
            Start();
            resources.WriteEncounter(writer, patient, encounter);
            End(1);
            foreach (var observation in encounter.Observations)
            {
                Start();
                resources.WriteObservation(writer, patient, encounter, observation);
                End(2);
            }

            foreach (var item in encounter.Events)
            {
                Start();
                resources.WriteEvent(writer, patient, encounter, item);
                End(Array.IndexOf(ResourceTypes, FhirResourceWriter.ResourceType(item.Kind)));
            }
        }
    }

    private void Start()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }

    private void End(int file)
    {
        writer.Flush();
        var stream = streams[file];
        stream.Write(buffer.WrittenSpan);
        stream.WriteByte((byte)'\n');
    }
}
