using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// How a fix names a framework type (docs/design.md §4): by its simple name when it is in scope (including global usings),
/// after adding a using directive when nothing else of that name is in scope, fully qualified otherwise.
/// </summary>
internal static class Imports
{
    /// <summary>True when <paramref name="type"/> is what its simple name means at <paramref name="position"/>.</summary>
    public static bool IsInScope(SemanticModel model, int position, INamedTypeSymbol type)
        => model.LookupNamespacesAndTypes(position, name: type.Name)
            .Any(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, type.OriginalDefinition));

    /// <summary>True when the simple name of <paramref name="type"/> means something else at <paramref name="position"/>.</summary>
    public static bool IsNameTakenByAnother(SemanticModel model, int position, INamedTypeSymbol type)
        => model.LookupNamespacesAndTypes(position, name: type.Name)
            .Any(s => !SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, type.OriginalDefinition));

    /// <summary>
    /// The syntax to write for <paramref name="type"/> at <paramref name="position"/>, and whether its namespace must be imported
    /// (call <see cref="AddUsing"/> on the new root then).
    /// </summary>
    public static (NameSyntax Name, bool NeedsUsing) NameFor(SemanticModel model, int position, INamedTypeSymbol type)
    {
        if (IsInScope(model, position, type))
        {
            return (SyntaxFactory.IdentifierName(type.Name), false);
        }

        if (IsNameTakenByAnother(model, position, type))
        {
            return (SyntaxFactory.ParseName("global::" + type.ContainingNamespace.ToDisplayString() + "." + type.Name), false);
        }

        return (SyntaxFactory.IdentifierName(type.Name), true);
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> beside the file's other usings, in order, unless it is there.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, string namespaceName)
    {
        var namespaceWithUsings = root.Usings.Count == 0
            ? root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Count > 0)
            : null;
        var usings = namespaceWithUsings?.Usings ?? root.Usings;
        if (usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
        {
            return root;
        }

        var newLine = NewLineOf(root);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithTrailingTrivia(newLine);
        var index = 0;
        while (index < usings.Count && usings[index].Alias is null && usings[index].StaticKeyword.IsKind(SyntaxKind.None)
               && Compare(usings[index].Name?.ToString() ?? string.Empty, namespaceName) < 0)
        {
            index++;
        }

        if (usings.Count > 0)
        {
            directive = directive.WithTrailingTrivia(usings[Math.Min(index, usings.Count - 1)].GetTrailingTrivia());
            if (index == 0)
            {
                // The first using carries the file header; keep it first in the file.
                var first = usings[0];
                directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                usings = usings.Replace(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            }
        }

        usings = usings.Insert(index, directive);
        if (namespaceWithUsings is not null)
        {
            return root.ReplaceNode(namespaceWithUsings, namespaceWithUsings.WithUsings(usings));
        }

        if (root.Usings.Count == 0)
        {
            // Keep a file header comment above the new using.
            var firstToken = root.GetFirstToken(includeZeroWidth: true);
            var header = firstToken.LeadingTrivia;
            root = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            directive = directive.WithLeadingTrivia(header).WithTrailingTrivia(newLine, newLine);
            return root.WithUsings(SyntaxFactory.SingletonList(directive));
        }

        return root.WithUsings(usings);
    }

    /// <summary>The end of line the document already uses.</summary>
    public static SyntaxTrivia NewLineOf(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    /// <summary>System namespaces first, then ordinal order, as the IDE sorts usings by default.</summary>
    private static int Compare(string a, string b)
    {
        var aSystem = a == "System" || a.StartsWith("System.", StringComparison.Ordinal);
        var bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
        if (aSystem != bSystem)
        {
            return aSystem ? -1 : 1;
        }

        return string.CompareOrdinal(a, b);
    }
}
