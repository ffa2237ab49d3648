using Xunit;

namespace AwaitAnalyzers.EndToEnd;

/// <summary>The test classes that read one run of scripts/showcase.sh share it: the run takes a minute or two.</summary>
[CollectionDefinition(Name)]
public sealed class ShowcaseCollection : ICollectionFixture<ShowcaseRun>
{
    public const string Name = "Showcase";
}
