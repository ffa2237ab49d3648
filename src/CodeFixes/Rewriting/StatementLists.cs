using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// Replaces consecutive statements of one statement list by others (docs/design.md §3.6): a block, a switch section, or the top-level
/// statements of a file, where each statement is a member of its own.
/// </summary>
internal static class StatementLists
{
    /// <summary>
    /// The root with <paramref name="statements"/> (consecutive, in order) replaced by <paramref name="replacements"/>,
    /// or null when they are not consecutive statements of one list.
    /// </summary>
    public static SyntaxNode? Replace(SyntaxNode root, IReadOnlyList<StatementSyntax> statements, IReadOnlyList<StatementSyntax> replacements)
    {
        if (statements.Count == 0)
        {
            return null;
        }

        switch (statements[0].Parent)
        {
            case BlockSyntax block:
                var blockStatements = Replace(block.Statements, statements, replacements);
                return blockStatements is null ? null : root.ReplaceNode(block, block.WithStatements(blockStatements.Value));

            case SwitchSectionSyntax section:
                var sectionStatements = Replace(section.Statements, statements, replacements);
                return sectionStatements is null ? null : root.ReplaceNode(section, section.WithStatements(sectionStatements.Value));

            case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                var members = Replace(
                    unit.Members,
                    statements.Select(s => (MemberDeclarationSyntax)s.Parent!).ToList(),
                    replacements.Select(s => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(s)).ToList());
                return members is null ? null : root.ReplaceNode(unit, unit.WithMembers(members.Value));

            default:
                return null;
        }
    }

    private static SyntaxList<TNode>? Replace<TNode>(SyntaxList<TNode> list, IReadOnlyList<TNode> old, IReadOnlyList<TNode> replacements)
        where TNode : SyntaxNode
    {
        var start = list.IndexOf(old[0]);
        if (start < 0 || start + old.Count > list.Count)
        {
            return null;
        }

        for (var i = 1; i < old.Count; i++)
        {
            if (list[start + i] != old[i])
            {
                return null;
            }
        }

        var result = list.Take(start).Concat(replacements).Concat(list.Skip(start + old.Count));
        return SyntaxFactory.List(result);
    }
}
