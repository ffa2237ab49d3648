using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>One statement and what replaces it.</summary>
internal readonly struct StatementRewrite
{
    public StatementRewrite(StatementSyntax statement, IReadOnlyList<StatementSyntax> replacements)
    {
        Statement = statement;
        Replacements = replacements;
    }

    public StatementSyntax Statement { get; }

    public IReadOnlyList<StatementSyntax> Replacements { get; }
}

/// <summary>
/// docs/design.md §7: reads the shape AWAIT003 reported and asks <see cref="SequentialWriter"/> for its sequential form; null
/// wherever the rewrite would not compile or would change what the code means.
/// </summary>
internal static class SequentialRewrites
{
    /// <summary><c>var a = A(); … B() …</c>: <c>await a;</c> before the statement that starts B (a Task, which may be awaited again later).</summary>
    public static StatementRewrite? AwaitRunningFirst(SemanticModel model, StatementSyntax later, VariableDeclaratorSyntax running, CancellationToken cancellationToken)
    {
        if (!AsyncContext.IsInAsyncFunction(later)
            || model.GetDeclaredSymbol(running, cancellationToken) is not ILocalSymbol local
            || !IsTask(model, local.Type))
        {
            return null;
        }

        var configureAwait = AwaitStatement.TryParse(later)?.ConfigureAwaitArgument;
        return new StatementRewrite(later, new SequentialWriter(later).AwaitFirst(IdentifierName(running.Identifier), configureAwait));
    }

    /// <summary>
    /// <c>tasks.Add(A()); … B() …</c>: <c>await Task.WhenAll(tasks);</c> before the statement that starts B, with
    /// <paramref name="task"/> as the fix names Task there.
    /// </summary>
    public static StatementRewrite? AwaitCollectionFirst(SemanticModel model, StatementSyntax later, InvocationExpressionSyntax add, NameSyntax task, CancellationToken cancellationToken)
    {
        if (!AsyncContext.IsInAsyncFunction(later)
            || add is not { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax collection }, ArgumentList.Arguments.Count: 1 }
            || model.GetSymbolInfo(collection, cancellationToken).Symbol is not ILocalSymbol { Type: INamedTypeSymbol { TypeArguments.Length: 1 } type }
            || !IsTask(model, type.TypeArguments[0]))
        {
            return null;
        }

        var configureAwait = AwaitStatement.TryParse(later)?.ConfigureAwaitArgument;
        var whenAll = AwaitRewriting.WhenAll(task, new ExpressionSyntax[] { IdentifierName(collection.Identifier) });
        return new StatementRewrite(later, new SequentialWriter(later).AwaitFirst(whenAll, configureAwait));
    }

    /// <summary><c>await Task.WhenAll(a, b)</c> as a statement, a declaration, an assignment or a return: one await after another.</summary>
    public static StatementRewrite? AwaitInTurn(SemanticModel model, InvocationExpressionSyntax whenAll, CancellationToken cancellationToken)
    {
        if (whenAll.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAll" }
            || Awaited(whenAll) is not { } awaited
            || awaited.Await.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
            || !AsyncContext.IsInAsyncFunction(statement)
            || Operands(model, whenAll, cancellationToken) is not { } operands)
        {
            return null;
        }

        var writer = new SequentialWriter(statement);
        if (statement is ExpressionStatementSyntax { Expression: AwaitExpressionSyntax } && statement.ChildNodes().Single() == awaited.Await)
        {
            return new StatementRewrite(statement, writer.AwaitEach(operands, awaited.ConfigureAwait));
        }

        var isResult = awaited.Await.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax } } } => true,
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } assignment => assignment.Right == awaited.Await,
            ReturnStatementSyntax => true,
            _ => false,
        };
        if (!isResult
            || model.GetTypeInfo(whenAll, cancellationToken).Type is not INamedTypeSymbol { TypeArguments.Length: 1 } resultTask
            || resultTask.TypeArguments[0] is not IArrayTypeSymbol { ElementType: var element })
        {
            return null;
        }

        var elementType = element.ToMinimalDisplayString(model, whenAll.SpanStart);
        return new StatementRewrite(statement, writer.ArrayOfResults(awaited.Await, elementType, operands, awaited.ConfigureAwait));
    }

    /// <summary><c>await Task.WhenAll(items.Select(async i => …));</c> or <c>await Parallel.ForEachAsync(items, async (i, ct) => …);</c> as a foreach.</summary>
    public static StatementRewrite? ForEach(SemanticModel model, AnonymousFunctionExpressionSyntax lambda, CancellationToken cancellationToken)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } arguments } argument
            || arguments.Arguments.Last() != argument)
        {
            return null;
        }

        var parameters = ParametersOf(lambda);
        ExpressionSyntax? source;
        InvocationExpressionSyntax awaitedCall;
        if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select && arguments.Arguments.Count == 1 && parameters.Count == 1)
        {
            source = select.Expression;
            if (call.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax whenAll } }
                || whenAll.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAll" })
            {
                return null;
            }

            awaitedCall = whenAll;
        }
        else if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ForEachAsync" } && parameters.Count == 2
                 && !IsUsed(model, lambda, parameters[1], cancellationToken))
        {
            source = arguments.Arguments[0].Expression;
            awaitedCall = call;
        }
        else
        {
            return null;
        }

        if (Awaited(awaitedCall) is not { } awaited
            || awaited.Await.Parent is not ExpressionStatementSyntax statement
            || !AsyncContext.IsInAsyncFunction(statement)
            || Body(lambda, awaited.ConfigureAwait) is not { } body)
        {
            return null;
        }

        var item = parameters[0].Type is { } type ? type.WithoutTrivia().ToString() + " " + parameters[0].Identifier.Text : "var " + parameters[0].Identifier.Text;
        var replacements = new SequentialWriter(statement).ForEach(item, source, body.Block, body.Single);
        return replacements is null ? null : new StatementRewrite(statement, replacements);
    }

    /// <summary>The await of <paramref name="call"/>, through <c>.ConfigureAwait(x)</c> (whose argument it returns).</summary>
    private static (AwaitExpressionSyntax Await, ArgumentSyntax? ConfigureAwait)? Awaited(InvocationExpressionSyntax call)
    {
        if (call.Parent is AwaitExpressionSyntax direct)
        {
            return (direct, null);
        }

        if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1, Parent: AwaitExpressionSyntax configured } configure })
        {
            return (configured, configure.ArgumentList.Arguments[0]);
        }

        return null;
    }

    /// <summary>The tasks WhenAll is given (its arguments, or the elements of one array), each a Task; null otherwise.</summary>
    private static IReadOnlyList<ExpressionSyntax>? Operands(SemanticModel model, InvocationExpressionSyntax whenAll, CancellationToken cancellationToken)
    {
        var arguments = whenAll.ArgumentList.Arguments;
        IEnumerable<ExpressionSyntax> operands = arguments.Select(a => a.Expression);
        if (arguments.Count == 1)
        {
            switch (arguments[0].Expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    operands = initializer.Expressions;
                    break;
                case ImplicitArrayCreationExpressionSyntax { Initializer: var initializer }:
                    operands = initializer.Expressions;
                    break;
            }
        }

        var list = operands.ToList();
        if (list.Count < 2 || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        foreach (var operand in list)
        {
            if (!IsTask(model, model.GetTypeInfo(operand, cancellationToken).Type))
            {
                return null;
            }
        }

        return list;
    }

    private static bool IsTask(SemanticModel model, ITypeSymbol? type)
    {
        var task = model.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        var taskOfT = model.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        var definition = type?.OriginalDefinition;
        return definition is not null
               && (SymbolEqualityComparer.Default.Equals(definition, task) || SymbolEqualityComparer.Default.Equals(definition, taskOfT));
    }

    private static IReadOnlyList<ParameterSyntax> ParametersOf(AnonymousFunctionExpressionSyntax lambda)
        => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter },
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
            _ => System.Array.Empty<ParameterSyntax>(),
        };

    private static bool IsUsed(SemanticModel model, AnonymousFunctionExpressionSyntax lambda, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(parameter, cancellationToken);
        return symbol is null || lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(name => name.Identifier.ValueText == parameter.Identifier.ValueText
                         && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol));
    }

    /// <summary>
    /// The lambda's work as a loop body: its block (an async lambda without a return), or one statement — the awaited expression
    /// of an async lambda, or an await of the task a lambda returns.
    /// </summary>
    private static (BlockSyntax? Block, StatementSyntax? Single)? Body(AnonymousFunctionExpressionSyntax lambda, ArgumentSyntax? configureAwait)
    {
        var isAsync = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
        switch (lambda.Body)
        {
            case BlockSyntax block when isAsync && !ReturnsFrom(block):
                return (block, null);
            case AwaitExpressionSyntax awaitExpression when isAsync:
                return (null, ExpressionStatement(awaitExpression.WithoutTrivia()).NormalizeWhitespace());
            case InvocationExpressionSyntax invocation when !isAsync:
                return (null, ExpressionStatement(AwaitRewriting.Await(invocation.WithoutTrivia(), configureAwait)).NormalizeWhitespace());
            default:
                return null;
        }
    }

    /// <summary>True when a return of the lambda itself (not of a function nested in it) is in the block.</summary>
    private static bool ReturnsFrom(BlockSyntax block)
        => block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>().Any();
}
