using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Syntax;

/// <summary>docs/design.md §3.6: where awaits may be rewritten — any async body, never an expression tree.</summary>
internal static class AsyncContext
{
    /// <summary>The nearest enclosing function-like node (method, accessor, local function, lambda, or the compilation unit of top-level statements).</summary>
    public static SyntaxNode? EnclosingBody(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case CompilationUnitSyntax:
                    return current;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="node"/> lies directly in an async function (or in top-level statements).</summary>
    public static bool IsInAsyncFunction(SyntaxNode node)
    {
        switch (EnclosingBody(node))
        {
            case AnonymousFunctionExpressionSyntax lambda:
                return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
            case LocalFunctionStatementSyntax local:
                return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
            case MethodDeclarationSyntax method:
                return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
            case CompilationUnitSyntax:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Code being typed (docs/design.md §6): true when the function around <paramref name="node"/> has a syntax error.
    /// The parse around an error is a guess (<c>foreach foreach (var x in xs)</c> reads as two loops), so nothing in
    /// that function is reported until it parses.
    /// </summary>
    public static bool HasSyntaxErrors(SyntaxNode node)
    {
        var body = EnclosingBody(node) ?? node;
        if (!body.ContainsDiagnostics)
        {
            return false;
        }

        foreach (var diagnostic in body.GetDiagnostics())
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statements of a block, a switch section, or the top-level statements of a compilation unit.</summary>
    public static IReadOnlyList<StatementSyntax> StatementsOf(SyntaxNode node)
    {
        switch (node)
        {
            case BlockSyntax block:
                return block.Statements;
            case SwitchSectionSyntax section:
                return section.Statements;
            case CompilationUnitSyntax unit:
                List<StatementSyntax>? statements = null;
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax global)
                    {
                        (statements ??= new List<StatementSyntax>()).Add(global.Statement);
                    }
                }

                return statements ?? (IReadOnlyList<StatementSyntax>)System.Array.Empty<StatementSyntax>();
            default:
                return System.Array.Empty<StatementSyntax>();
        }
    }
}
