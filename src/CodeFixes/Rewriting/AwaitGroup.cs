using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>An AWAIT001 group as its fix sees it (docs/design.md §4): the statements in order, what each awaits and what it stores.</summary>
internal sealed class AwaitGroup
{
    private AwaitGroup(WellKnownTypes types, ImmutableArray<AwaitGroupMember> members)
    {
        Types = types;
        Members = members;
    }

    public WellKnownTypes Types { get; }

    public ImmutableArray<AwaitGroupMember> Members { get; }

    public IReadOnlyList<StatementSyntax> Statements => Members.Select(m => m.Shape.Statement).ToList();

    /// <summary>The ConfigureAwait argument every member has (the analyzer groups only members that agree), or null.</summary>
    public ArgumentSyntax? ConfigureAwaitArgument => Members[0].Shape.ConfigureAwaitArgument;

    /// <summary>True when every member stores a result of one type: the array action applies (docs/design.md §4).</summary>
    public bool ResultsShareOneType
        => Members.All(m => m.ResultType is not null)
           && Members.All(m => SymbolEqualityComparer.IncludeNullability.Equals(m.ResultType, Members[0].ResultType));

    /// <summary>The group made of <paramref name="statements"/>, or null when they are not (or no longer) a group the fix can rewrite.</summary>
    public static AwaitGroup? TryCreate(SemanticModel model, ImmutableArray<SyntaxNode> statements, CancellationToken cancellationToken)
    {
        var types = IndependenceModels.For(model.Compilation)?.Types;
        if (types is null || statements.IsDefault || statements.Length < 2)
        {
            return null;
        }

        var members = ImmutableArray.CreateBuilder<AwaitGroupMember>(statements.Length);
        foreach (var node in statements)
        {
            var shape = AwaitStatement.TryParse(node as StatementSyntax);
            if (shape is null
                || (members.Count > 0 && !members[0].Shape.ConfiguresAwaitLike(shape))
                || ConditionalDirectives.KeepOutOfGroup(shape.Statement, followsGroupMember: members.Count > 0))
            {
                return null;
            }

            var type = model.GetTypeInfo(shape.Invocation, cancellationToken).Type as INamedTypeSymbol;
            var awaitable = types.GetAwaitableKind(type);
            if (awaitable == AwaitableKind.None || (shape.Kind != AwaitStatementKind.Expression && !awaitable.HasResult()))
            {
                return null;
            }

            var resultType = shape.Kind != AwaitStatementKind.Expression ? type!.TypeArguments[0] : null;
            members.Add(new AwaitGroupMember(shape, awaitable.IsValueTask(), resultType));
        }

        return new AwaitGroup(types, members.MoveToImmutable());
    }
}
