using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>A source with the documents it sends, in the order to send them (patients first).</summary>
public sealed record SourceFeed(SourceProfile Source, IReadOnlyList<FeedDocument> Documents);
