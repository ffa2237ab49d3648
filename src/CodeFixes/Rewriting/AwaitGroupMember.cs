using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>One statement of an <see cref="AwaitGroup"/>.</summary>
internal sealed class AwaitGroupMember
{
    public AwaitGroupMember(AwaitStatement shape, bool isValueTask, ITypeSymbol? resultType)
    {
        Shape = shape;
        IsValueTask = isValueTask;
        ResultType = resultType;
    }

    public AwaitStatement Shape { get; }

    public StatementSyntax Statement => Shape.Statement;

    public bool IsValueTask { get; }

    /// <summary>The type of the result the statement stores; null for a command (<c>await E;</c>).</summary>
    public ITypeSymbol? ResultType { get; }

    public bool StoresResult => Shape.Kind != AwaitStatementKind.Expression;

    /// <summary>docs/design.md §4: named after the result variable (<c>user</c> → <c>userTask</c>), or else after the method.</summary>
    public string PreferredTaskName
    {
        get
        {
            var resultName = Shape.Kind switch
            {
                AwaitStatementKind.Declaration => Shape.Declarator!.Identifier.ValueText,
                AwaitStatementKind.Assignment => Shape.AssignmentTarget switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
                    _ => null,
                },
                _ => null,
            };

            // A discard names nothing.
            if (resultName is not null && resultName != "_")
            {
                return FreshNames.TaskNameForResult(resultName);
            }

            var methodName = Shape.Invocation.Expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => "operation",
            };
            return FreshNames.TaskNameForMethod(methodName);
        }
    }
}
