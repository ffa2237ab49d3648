using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Syntax;

/// <summary>The statement shapes an AWAIT001 group is made of (docs/design.md §2).</summary>
internal enum AwaitStatementKind
{
    /// <summary><c>await E;</c></summary>
    Expression,

    /// <summary><c>var x = await E;</c> or <c>T x = await E;</c> with one declarator.</summary>
    Declaration,

    /// <summary><c>x = await E;</c></summary>
    Assignment,

    /// <summary>An await inside a larger statement (<c>list.Add(await E);</c>): only loop bodies (AWAIT002) use it.</summary>
    Embedded,
}

/// <summary>
/// The syntax of one awaited statement: which shape it has, the awaited invocation and its
/// ConfigureAwait argument. Purely syntactic, so it is cheap and shared by the analyzers and the fixers.
/// </summary>
internal sealed class AwaitStatement
{
    private AwaitStatement()
    {
    }

    public StatementSyntax Statement { get; private set; } = null!;

    public AwaitStatementKind Kind { get; private set; }

    public AwaitExpressionSyntax Await { get; private set; } = null!;

    /// <summary>The operation that is started: the awaited invocation without its <c>.ConfigureAwait(x)</c>.</summary>
    public InvocationExpressionSyntax Invocation { get; private set; } = null!;

    /// <summary>The argument of <c>.ConfigureAwait(x)</c>, or null when the await has none.</summary>
    public ArgumentSyntax? ConfigureAwaitArgument { get; private set; }

    /// <summary>The declaration of a <see cref="AwaitStatementKind.Declaration"/> statement.</summary>
    public VariableDeclarationSyntax? Declaration { get; private set; }

    /// <summary>The left side of an <see cref="AwaitStatementKind.Assignment"/> statement.</summary>
    public ExpressionSyntax? AssignmentTarget { get; private set; }

    public VariableDeclaratorSyntax? Declarator => Declaration?.Variables[0];

    /// <summary>True when both awaits configure the same way (both without ConfigureAwait, or the same argument text).</summary>
    public bool ConfiguresAwaitLike(AwaitStatement other)
    {
        if (ConfigureAwaitArgument is null || other.ConfigureAwaitArgument is null)
        {
            return ConfigureAwaitArgument is null && other.ConfigureAwaitArgument is null;
        }

        return SyntaxFactory.AreEquivalent(ConfigureAwaitArgument, other.ConfigureAwaitArgument);
    }

    public static AwaitStatement? TryParse(StatementSyntax? statement)
    {
        switch (statement)
        {
            case ExpressionStatementSyntax { Expression: AwaitExpressionSyntax await }:
                return Create(statement, AwaitStatementKind.Expression, await, null, null);

            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: AwaitExpressionSyntax await } assignment }
                when assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return Create(statement, AwaitStatementKind.Assignment, await, null, assignment.Left);

            case LocalDeclarationStatementSyntax { Declaration: { Variables.Count: 1 } declaration } local
                when IsPlainDeclaration(local, declaration)
                     && declaration.Variables[0].Initializer?.Value is AwaitExpressionSyntax declaredAwait:
                return Create(statement, AwaitStatementKind.Declaration, declaredAwait, declaration, null);

            default:
                return null;
        }
    }

    /// <summary>The shape of any await in a statement: the statement shape when the await is that statement's, else <see cref="AwaitStatementKind.Embedded"/>.</summary>
    public static AwaitStatement? FromAwait(AwaitExpressionSyntax await)
    {
        var statement = await.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null)
        {
            return null;
        }

        var shape = TryParse(statement);
        return shape is not null && shape.Await == await
            ? shape
            : Create(statement, AwaitStatementKind.Embedded, await, null, null);
    }

    private static AwaitStatement? Create(
        StatementSyntax statement,
        AwaitStatementKind kind,
        AwaitExpressionSyntax await,
        VariableDeclarationSyntax? declaration,
        ExpressionSyntax? target)
    {
        if (statement.ContainsDiagnostics && HasMissingToken(statement))
        {
            return null;
        }

        if (AwaitedOperand(await.Expression, out var configureAwait) is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        return new AwaitStatement
        {
            Statement = statement,
            Kind = kind,
            Await = await,
            Invocation = invocation,
            ConfigureAwaitArgument = configureAwait,
            Declaration = declaration,
            AssignmentTarget = target,
        };
    }

    /// <summary>
    /// What an await waits for: <paramref name="awaited"/> without a trailing <c>.ConfigureAwait(x)</c> (whose argument is
    /// <paramref name="configureAwait"/>) and without parentheses.
    /// </summary>
    public static ExpressionSyntax AwaitedOperand(ExpressionSyntax awaited, out ArgumentSyntax? configureAwait)
    {
        var operand = awaited;
        configureAwait = null;
        if (operand is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner },
                ArgumentList.Arguments: { Count: 1 } arguments,
            })
        {
            configureAwait = arguments[0];
            operand = inner;
        }

        while (operand is ParenthesizedExpressionSyntax parenthesized)
        {
            operand = parenthesized.Expression;
        }

        return operand;
    }

    private static bool IsPlainDeclaration(LocalDeclarationStatementSyntax local, VariableDeclarationSyntax declaration)
        => local.UsingKeyword.IsKind(SyntaxKind.None)
           && local.AwaitKeyword.IsKind(SyntaxKind.None)
           && !local.Modifiers.Any(SyntaxKind.ConstKeyword)
           && declaration.Variables[0].ArgumentList is null
           && !declaration.Type.IsMissing
           && !declaration.Variables[0].Identifier.IsMissing;

    private static bool HasMissingToken(StatementSyntax statement)
    {
        foreach (var token in statement.DescendantTokens())
        {
            if (token.IsMissing)
            {
                return true;
            }
        }

        return false;
    }
}
