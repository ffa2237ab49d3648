using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwaitAnalyzers.Loops;

/// <summary>What a loop iterates over, as an expression <c>Select</c> can be called on.</summary>
internal sealed class LoopSource
{
    private LoopSource(ExpressionSyntax? collection, ITypeSymbol? castTo, ExpressionSyntax? rangeStart, ExpressionSyntax? rangeEnd)
    {
        Collection = collection;
        CastTo = castTo;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
    }

    /// <summary>The collection of a <c>foreach</c>; null for a counting <c>for</c>.</summary>
    public ExpressionSyntax? Collection { get; }

    /// <summary>
    /// The iteration variable's type when <c>foreach (T x in xs)</c> converts each element explicitly (a reference or
    /// unboxing conversion, as <c>Enumerable.Cast&lt;T&gt;</c> does); null when the elements already have that type.
    /// </summary>
    public ITypeSymbol? CastTo { get; }

    /// <summary><c>a</c> of <c>for (int i = a; i &lt; b; i++)</c>.</summary>
    public ExpressionSyntax? RangeStart { get; }

    /// <summary><c>b</c> of <c>for (int i = a; i &lt; b; i++)</c>.</summary>
    public ExpressionSyntax? RangeEnd { get; }

    public static LoopSource ForEach(ExpressionSyntax collection, ITypeSymbol? castTo) => new(collection, castTo, null, null);

    public static LoopSource Range(ExpressionSyntax start, ExpressionSyntax end) => new(null, null, start, end);

    /// <summary>
    /// What a foreach iterates, as a sequence Select accepts: its elements have the iteration variable's type, or
    /// convert to it as Enumerable.Cast does (reference, boxing, unboxing). Queryables are excluded: Select would build an expression tree.
    /// </summary>
    public static (ILocalSymbol? Variable, LoopSource? Source) OfForEach(ForEachStatementSyntax forEach, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(forEach, cancellationToken) is not ILocalSymbol variable
            || model.GetTypeInfo(forEach.Expression, cancellationToken).Type is not { } collection
            || collection.TypeKind is TypeKind.Error or TypeKind.Dynamic
            || variable.Type.TypeKind == TypeKind.Error)
        {
            return (null, null);
        }

        var compilation = model.Compilation;
        var queryable = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
        var nonGeneric = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
        ITypeSymbol? element = null;
        var sequences = 0;
        foreach (var type in SelfAndInterfaces(collection))
        {
            if (queryable is not null && SymbolEqualityComparer.Default.Equals(type, queryable))
            {
                return (null, null);
            }

            if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                element = ((INamedTypeSymbol)type).TypeArguments[0];
                sequences++;
            }
            else if (element is null && SymbolEqualityComparer.Default.Equals(type, nonGeneric))
            {
                element = compilation.GetSpecialType(SpecialType.System_Object);
            }
        }

        if (element is null || sequences > 1)
        {
            return (null, null);
        }

        if (SymbolEqualityComparer.Default.Equals(element, variable.Type))
        {
            return (variable, sequences == 1 ? ForEach(forEach.Expression, null) : ForEach(forEach.Expression, variable.Type));
        }

        var conversion = compilation.ClassifyConversion(element, variable.Type);
        return conversion.Exists && !conversion.IsUserDefined && (conversion.IsReference || conversion.IsBoxing || conversion.IsUnboxing)
            ? (variable, ForEach(forEach.Expression, variable.Type))
            : (null, null);
    }

    /// <summary>
    /// docs/design.md §2: <c>for (int i = a; i &lt; b; i++)</c> (also <c>++i</c>, <c>i += 1</c>), whose bounds are read once by
    /// Enumerable.Range: they must be ints that no call, assignment or await computes.
    /// </summary>
    public static (ILocalSymbol? Variable, LoopSource? Source) OfCountingFor(ForStatementSyntax @for, SemanticModel model, CancellationToken cancellationToken)
    {
        if (@for.Declaration is not { Variables.Count: 1 } declaration
            || declaration.Variables[0] is not { Initializer.Value: { } start } declarator
            || @for.Initializers.Count != 0
            || @for.Condition is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax left, Right: { } end }
            || left.Identifier.ValueText != declarator.Identifier.ValueText
            || @for.Incrementors.Count != 1
            || !IsIncrementOf(@for.Incrementors[0], declarator.Identifier.ValueText)
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } variable
            || !IsStableInt(start, model, cancellationToken)
            || !IsStableInt(end, model, cancellationToken))
        {
            return (null, null);
        }

        return (variable, Range(start, end));
    }

    private static bool IsIncrementOf(ExpressionSyntax incrementor, string name) => incrementor switch
    {
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: IdentifierNameSyntax operand } => operand.Identifier.ValueText == name,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: IdentifierNameSyntax operand } => operand.Identifier.ValueText == name,
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: IdentifierNameSyntax target, Right: LiteralExpressionSyntax { Token.ValueText: "1" } } => target.Identifier.ValueText == name,
        _ => false,
    };

    private static bool IsStableInt(ExpressionSyntax bound, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in bound.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax or BaseObjectCreationExpressionSyntax
                or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                or AnonymousFunctionExpressionSyntax)
            {
                return false;
            }
        }

        return model.GetTypeInfo(bound, cancellationToken).Type is { } type
               && model.Compilation.ClassifyConversion(type, model.Compilation.GetSpecialType(SpecialType.System_Int32)).IsImplicit;
    }

    internal static IEnumerable<ITypeSymbol> SelfAndInterfaces(ITypeSymbol type)
    {
        yield return type;
        foreach (var implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }
}
