using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// New local names that clash with nothing (docs/design.md §4): not with a symbol in scope, and not with any name used anywhere in the
/// enclosing member, since C# also forbids a local that a nested or later scope declares again (CS0136, CS0128).
/// </summary>
internal sealed class FreshNames
{
    private readonly HashSet<string> _taken;

    private FreshNames(HashSet<string> taken)
    {
        _taken = taken;
    }

    /// <summary>The names taken around <paramref name="anchor"/>: in scope there, or written anywhere in its member.</summary>
    public static FreshNames Around(SemanticModel model, SyntaxNode anchor)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in model.LookupSymbols(anchor.SpanStart))
        {
            taken.Add(symbol.Name);
        }

        var member = (SyntaxNode?)anchor.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax)
                     ?? anchor.SyntaxTree.GetRoot();
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(token.ValueText);
            }
        }

        return new FreshNames(taken);
    }

    /// <summary>Takes <paramref name="preferred"/>, or the first of preferred2, preferred3… that is free.</summary>
    public string Take(string preferred)
    {
        var name = preferred;
        for (var suffix = 2; _taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; suffix++)
        {
            name = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(name);
        return name;
    }

    /// <summary>The task of a result: <c>user</c> → <c>userTask</c>, <c>_user</c> / <c>this.User</c> → <c>userTask</c>.</summary>
    public static string TaskNameForResult(string resultName) => CamelCase(resultName) + "Task";

    /// <summary>The task of an operation without a result variable: <c>SendEmailAsync</c> → <c>sendEmailTask</c>.</summary>
    public static string TaskNameForMethod(string methodName)
    {
        var name = methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > "Async".Length
            ? methodName.Substring(0, methodName.Length - "Async".Length)
            : methodName;
        return CamelCase(name) + "Task";
    }

    private static string CamelCase(string name)
    {
        var trimmed = name.TrimStart('_', '@');
        if (trimmed.Length == 0)
        {
            return "result";
        }

        return char.ToLowerInvariant(trimmed[0]) + trimmed.Substring(1);
    }
}
