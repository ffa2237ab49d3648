using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Rules;

/// <summary>
/// Where an AWAIT001 diagnostic lies (docs/design.md §2): its location is the first statement's <c>await</c> keyword, its
/// additional locations are the group's other statements, in order. The analyzer writes it and the fix reads it here only.
/// </summary>
internal static class GroupDiagnostic
{
    /// <summary>The diagnostic for the group of <paramref name="statements"/> (two or more, in order).</summary>
    public static Diagnostic Create(IReadOnlyList<AwaitStatement> statements)
        => Diagnostic.Create(
            Descriptors.IndependentAwaits,
            statements[0].Await.AwaitKeyword.GetLocation(),
            statements.Skip(1).Select(s => s.Statement.GetLocation()),
            statements.Count);

    /// <summary>The group's statements in <paramref name="root"/>, first one first; empty when they are not all there.</summary>
    public static ImmutableArray<StatementSyntax> Statements(SyntaxNode root, Diagnostic diagnostic)
    {
        var first = diagnostic.Location.SourceSpan;
        if (!root.FullSpan.Contains(first)
            || root.FindToken(first.Start) is not { RawKind: (int)SyntaxKind.AwaitKeyword } awaitKeyword
            || awaitKeyword.Parent?.FirstAncestorOrSelf<StatementSyntax>() is not { } firstStatement)
        {
            return ImmutableArray<StatementSyntax>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<StatementSyntax>(diagnostic.AdditionalLocations.Count + 1);
        builder.Add(firstStatement);
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!root.FullSpan.Contains(location.SourceSpan)
                || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
            {
                return ImmutableArray<StatementSyntax>.Empty;
            }

            builder.Add(statement);
        }

        return builder.MoveToImmutable();
    }
}
