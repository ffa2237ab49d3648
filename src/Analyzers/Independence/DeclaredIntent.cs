using System;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.11: the developer said the work runs one at a time. A comment on or in the statements, on the
/// statements around them, on the method or on the type that says so, or a condition around them that tests a
/// concurrency setting, keeps both rules silent.
/// </summary>
internal static class DeclaredIntent
{
    /// <summary>
    /// Phrases of comments that ask for sequential work (matched ignoring case, on word boundaries). Built on first use:
    /// constructing the pattern costs about 25 ms in a fresh compiler process, and most comments contain none of
    /// <see cref="SequentialStems"/>, which every phrase contains.
    /// </summary>
    private static readonly Lazy<Regex> SequentialWords = new(() => new Regex(
        @"\b(sequential(ly)?|serially|in serial|in sequence|in series|one (at a time|by one|after (the )?other)|at a time|in order\b(?! to)" +
        @"|throttl\w*|rate[- ]?limit\w*|concurrency (limit|level)|limit\w* (the )?concurrency|max(imum)? (concurrency|parallelism)" +
        @"|degree of parallelism|not thread[- ]?safe|non[- ]thread[- ]?safe|isn'?t thread[- ]?safe|not safe for concurrent" +
        @"|(do not|don't|never|must not|cannot|can't) (parallelize|run (them |these )?(in parallel|concurrently)))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>A part of every phrase of <see cref="SequentialWords"/>: a text without any of them cannot match.</summary>
    internal static readonly string[] SequentialStems =
    {
        "sequen", "serial", "series", "at a time", "one by one", "one after", "in order", "throttl", "limit", "concurren",
        "parallel", "thread",
    };

    /// <summary>Words of identifiers in a condition that tests a concurrency setting (<c>MaxDegreeOfParallelism == 1</c>).</summary>
    private static readonly Lazy<Regex> SettingWords = new(() => new Regex(
        @"parallel|concurren|sequential|serial(?!i[sz])|throttl|ratelimit|oneatatime",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>A part of every word of <see cref="SettingWords"/>.</summary>
    internal static readonly string[] SettingStems = { "parallel", "concurren", "sequential", "serial", "throttl", "ratelimit", "oneatatime" };

    /// <summary>Words of the name of an enclosing method or type that says it runs its work one at a time (<c>SequentialStrategy</c>), matched with case.</summary>
    private static readonly string[] SequentialNames = { "Sequential", "Serially", "OneByOne", "OneAtATime", "InSequence" };

    /// <summary>The comment text asks for sequential work (<see cref="SequentialWords"/>).</summary>
    internal static bool IsSequentialText(string text)
        => ContainsAny(text, SequentialStems, StringComparison.OrdinalIgnoreCase) && SequentialWords.Value.IsMatch(text);

    /// <summary>The identifier names a concurrency setting (<see cref="SettingWords"/>).</summary>
    internal static bool IsSettingName(string name)
        => ContainsAny(name, SettingStems, StringComparison.OrdinalIgnoreCase) && SettingWords.Value.IsMatch(name);

    private static bool IsSequentialName(string name) => ContainsAny(name, SequentialNames, StringComparison.Ordinal);

    private static bool ContainsAny(string text, string[] parts, StringComparison comparison)
    {
        foreach (var part in parts)
        {
            if (text.IndexOf(part, comparison) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the statements, or what encloses them up to their type, declare sequential intent.</summary>
    public static bool SaysSequential(SyntaxNode first, SyntaxNode last)
    {
        if (HasSequentialComment(first.GetLeadingTrivia()) || HasSequentialComment(last.GetTrailingTrivia()))
        {
            return true;
        }

        var parent = first.Parent;
        if (parent is not null)
        {
            foreach (var trivia in parent.DescendantTrivia(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.SpanStart, last.Span.End)))
            {
                if (IsSequentialComment(trivia))
                {
                    return true;
                }
            }
        }

        for (var current = parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IfStatementSyntax @if when TestsSetting(@if.Condition):
                case WhileStatementSyntax @while when TestsSetting(@while.Condition):
                case ConditionalExpressionSyntax conditional when TestsSetting(conditional.Condition):
                case SwitchStatementSyntax @switch when TestsSetting(@switch.Expression):
                    return true;
                case BaseTypeDeclarationSyntax type when IsSequentialName(type.Identifier.ValueText):
                case MethodDeclarationSyntax method when IsSequentialName(method.Identifier.ValueText):
                case LocalFunctionStatementSyntax function when IsSequentialName(function.Identifier.ValueText):
                case StatementSyntax and not BlockSyntax when HasSequentialComment(current.GetLeadingTrivia()):
                case MemberDeclarationSyntax when HasSequentialComment(current.GetLeadingTrivia()):
                    return true;
            }
        }

        return false;
    }

    private static bool TestsSetting(ExpressionSyntax condition)
    {
        foreach (var token in condition.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && IsSettingName(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSequentialComment(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (IsSequentialComment(item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSequentialComment(SyntaxTrivia trivia)
    {
        switch (trivia.Kind())
        {
            case SyntaxKind.SingleLineCommentTrivia:
            case SyntaxKind.MultiLineCommentTrivia:
                return IsSequentialText(trivia.ToString());
            case SyntaxKind.SingleLineDocumentationCommentTrivia:
            case SyntaxKind.MultiLineDocumentationCommentTrivia:
                return IsSequentialText(trivia.ToFullString());
            default:
                return false;
        }
    }
}
