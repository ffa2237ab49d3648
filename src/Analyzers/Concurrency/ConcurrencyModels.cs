using System.Runtime.CompilerServices;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Options;

namespace AwaitAnalyzers.Concurrency;

/// <summary>
/// The resource paths of each resource inference (one per compilation and set of type options, docs/design.md §5), kept as
/// long as the inference is: AWAIT003 and its fix ask the same cache.
/// </summary>
internal static class ConcurrencyModels
{
    private static readonly ConditionalWeakTable<ResourceInference, ResourcePaths> Paths = new();

    public static ResourcePaths PathsFor(IndependenceModel model, AwaitOptions options)
        => Paths.GetValue(model.GetResourceInference(options), inference => new ResourcePaths(inference, model.Implementations, model.Types.Compilation));
}
