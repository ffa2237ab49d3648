using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>The expressions every fix writes: tasks, <c>Task.WhenAll</c>, and awaits that keep ConfigureAwait (docs/design.md §4, §6).</summary>
internal static class AwaitRewriting
{
    /// <summary>
    /// The operation as a Task. A ValueTask becomes <c>.AsTask()</c> at once: a ValueTask may be awaited only once, so the
    /// Task is what is stored, passed to WhenAll and awaited afterwards.
    /// </summary>
    public static ExpressionSyntax AsTask(ExpressionSyntax operation, bool isValueTask)
    {
        if (!isValueTask)
        {
            return operation.WithoutTrivia();
        }

        return InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(operation.WithoutTrivia()), IdentifierName("AsTask")));
    }

    /// <summary><c>await <paramref name="task"/></c>, with <c>.ConfigureAwait(x)</c> when the original awaits had it.</summary>
    public static AwaitExpressionSyntax Await(ExpressionSyntax task, ArgumentSyntax? configureAwait)
    {
        ExpressionSyntax awaited = task;
        if (configureAwait is not null)
        {
            awaited = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(task), IdentifierName("ConfigureAwait")),
                ArgumentList(SingletonSeparatedList(configureAwait.WithoutTrivia())));
        }

        return AwaitExpression(awaited);
    }

    /// <summary><c>Task.WhenAll(t1, t2, …)</c>, with <paramref name="taskType"/> as the fix names Task at that place.</summary>
    public static InvocationExpressionSyntax WhenAll(NameSyntax taskType, IEnumerable<ExpressionSyntax> tasks)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (var task in tasks)
        {
            arguments.Add(Argument(task));
        }

        // As an expression, `global::System.Threading.Tasks.Task` is member accesses, not the qualified name of a type:
        // written as a name, it prints the same but is not the tree the parser reads back.
        return InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ParseExpression(taskType.ToString()), IdentifierName("WhenAll")),
            ArgumentList(SeparatedList(arguments)));
    }

    /// <summary>Wraps an expression in parentheses when a member access on it would otherwise bind to a part of it.</summary>
    public static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or GenericNameSyntax
            ? expression
            : ParenthesizedExpression(expression);
}
