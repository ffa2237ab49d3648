using System.Collections.Generic;
using System.Threading;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// docs/design.md §2 accumulation shape: the body ends with <c>list.Add(e);</c>, <c>list</c> a local collection declared
/// before the loop and used by nothing else in it. Task.WhenAll keeps the input order, so the results can be added at once.
/// </summary>
internal sealed class LoopAccumulation
{
    public LoopAccumulation(ExpressionStatementSyntax addStatement, ExpressionSyntax list, ExpressionSyntax value, bool hasAddRange, LocalDeclarationStatementSyntax? resultDeclaration)
    {
        AddStatement = addStatement;
        List = list;
        Value = value;
        HasAddRange = hasAddRange;
        ResultDeclaration = resultDeclaration;
    }

    /// <summary>The last statement of the body: <c>list.Add(e);</c>.</summary>
    public ExpressionStatementSyntax AddStatement { get; }

    /// <summary>The <c>list</c> of <c>list.Add(e)</c>.</summary>
    public ExpressionSyntax List { get; }

    /// <summary>The <c>e</c> of <c>list.Add(e)</c>: what each iteration produces.</summary>
    public ExpressionSyntax Value { get; }

    /// <summary>True for a <c>List&lt;T&gt;</c> whose element type the results convert to as a sequence (<c>AddRange</c>).</summary>
    public bool HasAddRange { get; }

    /// <summary>For <c>var r = await F(x); list.Add(r);</c>, the declaration of <c>r</c>, used by nothing else.</summary>
    public LocalDeclarationStatementSyntax? ResultDeclaration { get; }

    /// <summary>
    /// docs/design.md §2 accumulation: the body ends with <c>list.Add(e);</c> on a local List&lt;T&gt; or ICollection&lt;T&gt;
    /// declared before the loop and used by nothing else in it.
    /// </summary>
    public static LoopAccumulation? Find(StatementSyntax loop, StatementSyntax body, WellKnownTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var statements = body is BlockSyntax block ? (IReadOnlyList<StatementSyntax>)block.Statements : new[] { body };
        if (statements.Count == 0
            || statements[statements.Count - 1] is not ExpressionStatementSyntax
            {
                Expression: InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax list },
                    ArgumentList.Arguments: { Count: 1 } arguments,
                } invocation,
            } add
            || arguments[0].NameColon is not null
            || !arguments[0].RefKindKeyword.IsKind(SyntaxKind.None)
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { Instance: ILocalReferenceOperation listReference } operation
            || LoopShape.IsDeclaredIn(listReference.Local, loop)
            || CountReferences(loop, listReference.Local, model, cancellationToken) != 1
            || model.GetTypeInfo(arguments[0].Expression, cancellationToken).Type is not { TypeKind: not TypeKind.Error } valueType)
        {
            return null;
        }

        var element = operation.TargetMethod.Parameters.Length == 1 ? operation.TargetMethod.Parameters[0].Type : null;
        var isList = IsList(listReference.Local.Type, types);
        if (element is null || !(isList || IsCollectionAdd(operation.TargetMethod)))
        {
            return null;
        }

        var conversion = model.Compilation.ClassifyConversion(valueType, element);
        var hasAddRange = isList && (conversion.IsIdentity || (conversion.IsImplicit && conversion.IsReference));
        return new LoopAccumulation(add, list, arguments[0].Expression, hasAddRange, FindResultDeclaration(statements, arguments[0].Expression, loop, model, cancellationToken));
    }

    private static bool IsList(ITypeSymbol type, WellKnownTypes types)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (types.ListOfT is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, types.ListOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for ICollection&lt;T&gt;.Add or its implementation (HashSet's own bool Add is neither).</summary>
    private static bool IsCollectionAdd(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var candidate in LoopSource.SelfAndInterfaces(type))
        {
            if (candidate.OriginalDefinition.SpecialType != SpecialType.System_Collections_Generic_ICollection_T)
            {
                continue;
            }

            foreach (var member in candidate.GetMembers("Add"))
            {
                if (SymbolEqualityComparer.Default.Equals(member, method)
                    || SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>var r = await F(x); list.Add(r);</c>: the declaration of <c>r</c> when nothing else reads it.</summary>
    private static LocalDeclarationStatementSyntax? FindResultDeclaration(IReadOnlyList<StatementSyntax> statements, ExpressionSyntax value, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statements.Count < 2
            || value is not IdentifierNameSyntax
            || statements[statements.Count - 2] is not LocalDeclarationStatementSyntax declaration
            || AwaitStatement.TryParse(declaration) is not { Kind: AwaitStatementKind.Declaration } shape
            || model.GetDeclaredSymbol(shape.Declarator!, cancellationToken) is not ILocalSymbol result
            || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(value, cancellationToken).Symbol, result)
            || CountReferences(loop, result, model, cancellationToken) != 1)
        {
            return null;
        }

        return declaration;
    }

    private static int CountReferences(SyntaxNode scope, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax name
                && name.Identifier.ValueText == symbol.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
            {
                count++;
            }
        }

        return count;
    }
}
