using System.Globalization;
using System.Text.Json;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes FHIR R4 <c>batch</c> Bundles of up to <c>patientsPerBundle</c> patients, each patient with all
/// its resources, as <c>{folder}/bundle-000001.json</c>, …. A patient sent twice goes again at the
/// start of the next bundle: a fullUrl may appear only once in a Bundle.
/// </summary>
internal sealed class FhirBundleSink(IDocumentTarget target, string folder, int patientsPerBundle) : IFeedSink
{
    private readonly FhirResourceWriter resources = new(urnReferences: true);
    private readonly List<SourcePatient> current = new(patientsPerBundle);
    private readonly Queue<SourcePatient> resends = new();
    private int bundleNumber;

    public void Write(SourcePatient patient)
    {
        current.Add(patient);
        if (patient.SentTwice)
        {
            resends.Enqueue(patient);
        }

        while (current.Count >= patientsPerBundle)
        {
            EmitCurrent();
        }
    }

    public void Complete()
    {
        while (current.Count > 0)
        {
            EmitCurrent();
        }
    }

    public void Dispose()
    {
    }

    private void EmitCurrent()
    {
        WriteBundle(current);
        current.Clear();
        while (resends.Count > 0 && current.Count < patientsPerBundle)
        {
            current.Add(resends.Dequeue());
        }
    }

    private void WriteBundle(List<SourcePatient> patients)
    {
        bundleNumber++;
        using var stream = target.Create(string.Create(CultureInfo.InvariantCulture, $"{folder}/bundle-{bundleNumber:D6}.json"));
        using var writer = new Utf8JsonWriter(stream, FhirJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("type", "batch");
        writer.WriteStartArray("entry");
        foreach (var patient in patients)
        {
            StartEntry(writer, patient.LocalId);
            resources.WritePatient(writer, patient);
            EndEntry(writer, "Patient");
            foreach (var encounter in patient.Encounters)
            {
                StartEntry(writer, encounter.Id);
                resources.WriteEncounter(writer, patient, encounter);
                EndEntry(writer, "Encounter");
                foreach (var observation in encounter.Observations)
                {
                    StartEntry(writer, observation.Id);
                    resources.WriteObservation(writer, patient, encounter, observation);
                    EndEntry(writer, "Observation");
                }

                foreach (var item in encounter.Events)
                {
                    StartEntry(writer, item.Id);
                    resources.WriteEvent(writer, patient, encounter, item);
                    EndEntry(writer, FhirResourceWriter.ResourceType(item.Kind));
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void StartEntry(Utf8JsonWriter writer, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("fullUrl", "urn:uuid:" + id);
        writer.WritePropertyName("resource");
    }

    private static void EndEntry(Utf8JsonWriter writer, string resourceType)
    {
        writer.WriteStartObject("request");
        writer.WriteString("method", "POST");
        writer.WriteString("url", resourceType);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
