using System.Linq;
using AwaitAnalyzers.Loops;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// docs/design.md §4: <c>for (var i = 0; i &lt; a.Length; i++)</c> over an array or list whose body uses the counter only to
/// read <c>a[i]</c>. The fix iterates the elements, as a reviewer would write it: <c>a.Select(x => F(x))</c>, each
/// <c>a[i]</c> of the code it moves into the lambda becoming <c>x</c>.
/// </summary>
internal sealed class ElementLoop : CSharpSyntaxRewriter
{
    private readonly string _collection;
    private readonly string _counter;

    private ElementLoop(IdentifierNameSyntax collection, string counter, SyntaxToken item)
    {
        Collection = collection;
        _collection = collection.Identifier.ValueText;
        _counter = counter;
        Item = item;
    }

    /// <summary>The array or list, as written in the loop's condition.</summary>
    public IdentifierNameSyntax Collection { get; }

    /// <summary>The lambda's parameter: the element.</summary>
    public SyntaxToken Item { get; }

    /// <summary>The loop as an iteration over elements, or null when it reads anything but <c>a[i]</c> through its counter.</summary>
    public static ElementLoop? Of(SemanticModel model, AwaitLoop loop, FreshNames names)
    {
        if (loop.Loop is not ForStatementSyntax @for
            || loop.Source.RangeStart is not LiteralExpressionSyntax { Token.ValueText: "0" }
            || loop.Source.RangeEnd is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax collection, Name.Identifier.ValueText: var count }
            || model.GetSymbolInfo(collection).Symbol is not { Kind: SymbolKind.Local or SymbolKind.Parameter } symbol
            || count != CountOf(model.GetTypeInfo(collection).Type))
        {
            return null;
        }

        var counter = loop.IterationVariable.Name;
        foreach (var name in @for.Statement.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != counter)
            {
                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, loop.IterationVariable)
                || name.Parent is not ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None, Parent: BracketedArgumentListSyntax { Arguments.Count: 1, Parent: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax indexed } access } }
                || indexed.Identifier.ValueText != collection.Identifier.ValueText
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(indexed).Symbol, symbol)
                || IsWritten(access))
            {
                return null;
            }
        }

        var element = model.GetTypeInfo(collection).Type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } list => list.TypeArguments[0],
            _ => null,
        };
        return new ElementLoop(collection.WithoutTrivia(), counter, Identifier(names.Take(Singular(collection.Identifier.ValueText, element))));
    }

    /// <summary>The node with every <c>a[i]</c> replaced by the element.</summary>
    public TNode InItem<TNode>(TNode node)
        where TNode : SyntaxNode
        => (TNode)Visit(node);

    public override SyntaxNode? VisitElementAccessExpression(ElementAccessExpressionSyntax node)
        => node is { Expression: IdentifierNameSyntax collection, ArgumentList.Arguments: { Count: 1 } arguments }
           && arguments[0].Expression is IdentifierNameSyntax index
           && collection.Identifier.ValueText == _collection
           && index.Identifier.ValueText == _counter
            ? IdentifierName(Item).WithTriviaFrom(node)
            : base.VisitElementAccessExpression(node);

    /// <summary><c>Length</c> for a one-dimensional array, <c>Count</c> for a list; null for anything else.</summary>
    private static string? CountOf(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 })
        {
            return "Length";
        }

        var definition = type?.OriginalDefinition;
        return definition is not null
               && (definition.SpecialType is SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                   || definition.ToDisplayString() == "System.Collections.Generic.List<T>")
            ? "Count"
            : null;
    }

    private static bool IsWritten(ExpressionSyntax access) => access.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == access,
        PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
        RefExpressionSyntax => true,
        _ => false,
    };

    /// <summary>
    /// <c>ids</c> → <c>id</c>, <c>entries</c> → <c>entry</c>; else named after the element type (<c>pending</c> of
    /// <c>Order</c> → <c>order</c>), or <c>item</c>.
    /// </summary>
    private static string Singular(string name, ITypeSymbol? element)
    {
        var word = name.TrimStart('@', '_');
        if (word.EndsWith("ies", System.StringComparison.Ordinal) && word.Length > 3)
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        return word.Length > 1 && word.EndsWith("s", System.StringComparison.Ordinal) && !word.EndsWith("ss", System.StringComparison.Ordinal)
            ? word.Substring(0, word.Length - 1)
            : element is { SpecialType: SpecialType.None, Name.Length: > 0, TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface }
                ? char.ToLowerInvariant(element.Name[0]) + element.Name.Substring(1)
                : "item";
    }
}
