using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Rules;

/// <summary>
/// docs/design.md §6 "reject cheaply on syntax": two adjacent awaited statements that can never be in one group, told apart
/// before any semantic work. It answers "cannot group" only where the independence model would say so too.
/// </summary>
internal static class PairScreen
{
    /// <summary>False when <paramref name="first"/> and the <paramref name="second"/> after it certainly cannot be in one group.</summary>
    public static bool MayGroup(AwaitStatement first, AwaitStatement second, System.Func<bool> commandsGroup)
    {
        // docs/design.md §3.4: `await E;` is a command, and commands join groups only with include_commands.
        if ((first.Kind == AwaitStatementKind.Expression || second.Kind == AwaitStatementKind.Expression) && !commandsGroup())
        {
            return false;
        }

        // docs/design.md §3.1: the second names the local the first declares or assigns.
        return WrittenLocalName(first) is not { } name || !Names(second.Statement, name);
    }

    private static string? WrittenLocalName(AwaitStatement statement)
        => statement.Kind switch
        {
            AwaitStatementKind.Declaration => statement.Declarator?.Identifier.ValueText,
            AwaitStatementKind.Assignment when statement.AssignmentTarget is IdentifierNameSyntax target => target.Identifier.ValueText,
            _ => null,
        };

    /// <summary>
    /// True when <paramref name="statement"/> certainly reads or writes the local <paramref name="name"/>: it uses the name
    /// as a simple name outside any lambda, nameof, member name or initializer target. A name in camelCase is never a type.
    /// </summary>
    private static bool Names(StatementSyntax statement, string name)
    {
        if (name.Length == 0 || !(char.IsLower(name[0]) || name[0] == '_'))
        {
            return false;
        }

        var found = false;
        foreach (var node in statement.DescendantNodes())
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax:
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    return false; // a lambda may declare its own `name`; nameof reads nothing
                case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == name && IsSimpleNameUse(identifier):
                    found = true;
                    break;
            }
        }

        return found;
    }

    private static bool IsSimpleNameUse(IdentifierNameSyntax identifier)
        => identifier.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == identifier,
            MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax or TypeArgumentListSyntax => false,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Left != identifier,
            _ => true,
        };
}
