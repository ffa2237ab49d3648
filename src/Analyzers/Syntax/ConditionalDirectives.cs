using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Syntax;

/// <summary>
/// docs/design.md §3.7: an AWAIT001 group never spans an <c>#if</c>/<c>#elif</c>/<c>#else</c>/<c>#endif</c>. The fix moves code after
/// the tasks it starts, so a condition between two statements, or within one, would end up guarding other code than it did.
/// </summary>
internal static class ConditionalDirectives
{
    /// <summary>
    /// True when a conditional directive keeps <paramref name="statement"/> out of a group: one inside it, or, when it would follow
    /// another statement of the group (<paramref name="followsGroupMember"/>), one before it. A directive before a group's first
    /// statement encloses the whole group and is no obstacle.
    /// </summary>
    public static bool KeepOutOfGroup(StatementSyntax statement, bool followsGroupMember)
    {
        if (!statement.ContainsDirectives)
        {
            return false;
        }

        var firstToken = statement.GetFirstToken().SpanStart;
        foreach (var trivia in statement.DescendantTrivia(descendIntoTrivia: true))
        {
            if (IsConditional(trivia) && (followsGroupMember || trivia.SpanStart >= firstToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConditional(SyntaxTrivia trivia)
        => trivia.IsKind(SyntaxKind.IfDirectiveTrivia) || trivia.IsKind(SyntaxKind.ElifDirectiveTrivia)
           || trivia.IsKind(SyntaxKind.ElseDirectiveTrivia) || trivia.IsKind(SyntaxKind.EndIfDirectiveTrivia);
}
