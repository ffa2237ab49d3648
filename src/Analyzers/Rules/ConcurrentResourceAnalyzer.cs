using System.Collections.Generic;
using System.Collections.Immutable;
using AwaitAnalyzers.Concurrency;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Rules;

/// <summary>
/// AWAIT003: operations that run at the same time and provably reach one non-thread-safe resource instance
/// (docs/design.md §7). The resource inference that keeps AWAIT001 and AWAIT002 silent, turned around: it reports only
/// what it proves.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConcurrentResourceAnalyzer : IndependenceAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConcurrentResource);

    private protected override void Register(CompilationStartAnalysisContext context, CompilationModel model)
    {
        context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, model), SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeStatements(c, model), SyntaxKind.Block, SyntaxKind.SwitchSection, SyntaxKind.CompilationUnit);
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, CompilationModel compilation)
    {
        using var step = AnalysisSteps.Time("AWAIT003 invocation");
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("WhenAll" or "WhenAny" or "ForEachAsync") || AsyncContext.HasSyntaxErrors(invocation)
            || compilation.Value is not { } model)
        {
            return;
        }

        if (context.SemanticModel.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation
            || operation.HasErrors(context.CancellationToken))
        {
            return;
        }

        var containing = operation.TargetMethod.ContainingType;
        var isWhenAll = SymbolEqualityComparer.Default.Equals(containing, model.Types.Task) && name != "ForEachAsync";
        var isForEach = name == "ForEachAsync" && containing is { Name: "Parallel", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };
        if (!isWhenAll && !isForEach)
        {
            return;
        }

        var analysis = Analysis(context, model);
        var finding = isWhenAll ? analysis.WhenAll(operation) : analysis.ForEachAsync(operation);
        if (finding is not null)
        {
            context.ReportDiagnostic(ConcurrencyDiagnostic.Create(finding));
        }
    }

    private static void AnalyzeStatements(SyntaxNodeAnalysisContext context, CompilationModel compilation)
    {
        using var step = AnalysisSteps.Time("AWAIT003 statements");
        var statements = AsyncContext.StatementsOf(context.Node);
        if (!MayStartTasks(statements) || AsyncContext.HasSyntaxErrors(context.Node) || compilation.Value is not { } model)
        {
            return;
        }

        foreach (var finding in Analysis(context, model).Started(statements))
        {
            context.ReportDiagnostic(ConcurrencyDiagnostic.Create(finding));
        }
    }

    /// <summary>
    /// The cheap syntactic screen: a local declared with an invocation (not awaited), or an invocation added to a local
    /// (<c>tasks.Add(A())</c>), before another statement that awaits that local (<c>await t</c>, <c>await
    /// t.ConfigureAwait(false)</c>) or joins it (<c>Task.WhenAll(t, u)</c>, <c>WhenAny</c>). A local nothing after it awaits
    /// or joins is a value, or a task handed on (to the caller, to a list), and the block is not analysed.
    /// </summary>
    private static bool MayStartTasks(IReadOnlyList<StatementSyntax> statements)
    {
        List<(int Index, string Local)>? candidates = null;
        for (var i = 0; i < statements.Count - 1; i++)
        {
            if (StartedLocal(statements[i]) is { } local)
            {
                (candidates ??= new List<(int, string)>()).Add((i, local));
            }
        }

        if (candidates is null)
        {
            return false;
        }

        // One pass over the statements after the first candidate: the last statement that awaits or joins each name.
        var lastUse = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var j = candidates[0].Index + 1; j < statements.Count; j++)
        {
            foreach (var node in statements[j].DescendantNodes())
            {
                switch (node)
                {
                    case AwaitExpressionSyntax awaited
                        when AwaitStatement.AwaitedOperand(WithoutParentheses(awaited.Expression), out _) is IdentifierNameSyntax name:
                        lastUse[name.Identifier.ValueText] = j;
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAll" or "WhenAny" } } join:
                        foreach (var token in join.ArgumentList.DescendantTokens())
                        {
                            if (token.IsKind(SyntaxKind.IdentifierToken))
                            {
                                lastUse[token.ValueText] = j;
                            }
                        }

                        break;
                }
            }
        }

        foreach (var (index, local) in candidates)
        {
            if (lastUse.TryGetValue(local, out var used) && used > index)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local a statement starts a task into: <c>var t = A();</c> declares it, <c>tasks.Add(A());</c> adds to it.</summary>
    private static string? StartedLocal(StatementSyntax statement)
        => statement switch
        {
            LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }
                when variables[0].Initializer?.Value is InvocationExpressionSyntax => variables[0].Identifier.ValueText,
            ExpressionStatementSyntax
                {
                    Expression: InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax list },
                        ArgumentList.Arguments: { Count: 1 } arguments,
                    },
                } when arguments[0].Expression is InvocationExpressionSyntax => list.Identifier.ValueText,
            _ => null,
        };

    private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static ConcurrencyAnalysis Analysis(SyntaxNodeAnalysisContext context, IndependenceModel model)
    {
        var options = AwaitOptions.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Node.SyntaxTree));
        var body = AsyncContext.EnclosingBody(context.Node) ?? context.Node;
        return new ConcurrencyAnalysis(model.Types, ConcurrencyModels.PathsFor(model, options), context.SemanticModel, body, context.CancellationToken);
    }
}
