using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// The one independence model of each compilation, shared by both rules' analyzers and their fixes, so well-known types and
/// resource facts are resolved once per compilation (docs/design.md §3).
/// </summary>
internal static class IndependenceModels
{
    private static readonly ConditionalWeakTable<Compilation, IndependenceModel?> Models = new();

    /// <summary>The model of <paramref name="compilation"/>; null when it has no Task to await.</summary>
    public static IndependenceModel? For(Compilation compilation) => Models.GetValue(compilation, IndependenceModel.Create);
}
