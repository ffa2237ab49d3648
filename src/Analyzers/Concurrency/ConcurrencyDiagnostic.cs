using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Concurrency;

/// <summary>
/// Where an AWAIT003 diagnostic lies (docs/design.md §7): its location is the operation started while the other runs (for the
/// loop shapes, the lambda), its one additional location the operation already running, and its <c>Shape</c> property says
/// which shape it is. The analyzer writes it and the fix reads it here only.
/// </summary>
internal static class ConcurrencyDiagnostic
{
    public const string ShapeProperty = "Shape";

    public static Diagnostic Create(ConcurrencyFinding finding)
        => Diagnostic.Create(
            Descriptors.ConcurrentResource,
            finding.Later.GetLocation(),
            finding.Earlier is null ? Array.Empty<Location>() : new[] { finding.Earlier.GetLocation() },
            ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, finding.Shape.ToString()),
            finding.Shared.Resource.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            finding.Shared.DescribeReach());

    /// <summary>The shape the analyzer found; null when the property is missing or unknown.</summary>
    public static ConcurrencyShape? ShapeOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(ShapeProperty, out var text) && Enum.TryParse<ConcurrencyShape>(text, out var shape) ? shape : null;

    /// <summary>The node the diagnostic points at in <paramref name="root"/>, and the running one for <see cref="ConcurrencyShape.Started"/>.</summary>
    public static (SyntaxNode? Later, SyntaxNode? Earlier) Nodes(SyntaxNode root, Diagnostic diagnostic)
    {
        var later = Find(root, diagnostic.Location);
        var earlier = diagnostic.AdditionalLocations.Count == 1 ? Find(root, diagnostic.AdditionalLocations[0]) : null;
        return (later, earlier);
    }

    private static SyntaxNode? Find(SyntaxNode root, Location location)
        => location.IsInSource && root.FullSpan.Contains(location.SourceSpan)
            ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)
            : null;
}
