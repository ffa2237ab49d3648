using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers;

/// <summary>
/// docs/design.md §3.2: an instance an operation reaches through its receiver chain or its arguments — a local, a parameter,
/// a field, a property, or <c>this</c>.
/// </summary>
internal readonly struct Root
{
    public Root(ISymbol symbol, ITypeSymbol type)
    {
        Symbol = symbol;
        Type = type;
    }

    /// <summary>The local, parameter, field or property; for <c>this</c>, the containing type.</summary>
    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }

    public bool IsSameInstanceAs(Root other) => SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    public override string ToString() => Symbol.Name;
}

/// <summary>Finds the roots of an operation (docs/design.md §3.2), following locals to what was assigned to them.</summary>
internal sealed class RootFinder
{
    private readonly WellKnownTypes _types;
    private readonly SemanticModel _model;
    private readonly SyntaxNode _body;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ILocalSymbol> _followedLocals = new(SymbolEqualityComparer.Default);
    private readonly List<Root> _roots = new();
    private List<(ILocalSymbol Local, ExpressionSyntax Value)>? _localWrites;

    private RootFinder(WellKnownTypes types, SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        _types = types;
        _model = model;
        _body = body;
        _cancellationToken = cancellationToken;
    }

    /// <param name="body">The body whose statements may assign the locals met (their earlier values are followed).</param>
    public static ImmutableArray<Root> Find(WellKnownTypes types, SemanticModel model, IOperation operation, SyntaxNode body, CancellationToken cancellationToken)
    {
        var finder = new RootFinder(types, model, body, cancellationToken);
        finder.Collect(operation);
        return finder._roots.ToImmutableArray();
    }

    private void Collect(IOperation operation, bool skipAwaitedResults = false)
    {
        // An awaited result assigned to a local is a completed value (`var users = await db.Users.ToListAsync()` holds users,
        // not db), while an unawaited query keeps its source.
        foreach (var node in operation.DescendantsAndSelf(skipAwaitedResults ? n => n is not IAwaitOperation : null))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case ILocalReferenceOperation local:
                    Add(local.Local, local.Local.Type);
                    FollowLocal(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    Add(parameter.Parameter, parameter.Parameter.Type);
                    break;
                case IFieldReferenceOperation field when IsChainBase(field.Instance):
                    Add(field.Field, field.Field.Type);
                    break;
                case IPropertyReferenceOperation property when IsChainBase(property.Instance):
                    Add(property.Property, property.Property.Type);
                    break;
                // this and base are one object, of the containing type; an initializer's implicit receiver is the new object.
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance
                    when instance.Parent is not IMemberReferenceOperation:
                    if ((_model.GetEnclosingSymbol(instance.Syntax.SpanStart, _cancellationToken)?.ContainingType ?? instance.Type) is { } thisType)
                    {
                        Add(thisType, thisType);
                    }

                    break;
            }
        }
    }

    /// <summary>A member read on <c>this</c> or statically is itself a root; one read on another object is reached through that object.</summary>
    private static bool IsChainBase(IOperation? instance) => instance is null or IInstanceReferenceOperation;

    private void Add(ISymbol symbol, ITypeSymbol? type)
    {
        if (type is null || !CanHoldResource(type))
        {
            return;
        }

        foreach (var existing in _roots)
        {
            if (SymbolEqualityComparer.Default.Equals(existing.Symbol, symbol))
            {
                return;
            }
        }

        _roots.Add(new Root(symbol, type));
    }

    /// <summary>docs/design.md §3.2: value types, strings, delegates and CancellationToken are not roots.</summary>
    private bool CanHoldResource(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return false;
        }

        if (type.IsValueType || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        return _types.CancellationToken is null || !SymbolEqualityComparer.Default.Equals(type, _types.CancellationToken);
    }

    /// <summary>A local's roots include the roots of every value assigned to it in the body, transitively.</summary>
    private void FollowLocal(ILocalSymbol local)
    {
        if (!_followedLocals.Add(local) || !CanHoldResource(local.Type))
        {
            return;
        }

        foreach (var (target, value) in GetLocalWrites())
        {
            if (SymbolEqualityComparer.Default.Equals(target, local)
                && _model.GetOperation(value, _cancellationToken) is { } valueOperation)
            {
                Collect(valueOperation, skipAwaitedResults: true);
            }
        }
    }

    private List<(ILocalSymbol Local, ExpressionSyntax Value)> GetLocalWrites()
    {
        if (_localWrites is not null)
        {
            return _localWrites;
        }

        _localWrites = new List<(ILocalSymbol, ExpressionSyntax)>();
        foreach (var node in _body.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                    when _model.GetDeclaredSymbol(declarator, _cancellationToken) is ILocalSymbol declared:
                    _localWrites.Add((declared, value));
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                    when _model.GetSymbolInfo(name, _cancellationToken).Symbol is ILocalSymbol assigned:
                    _localWrites.Add((assigned, assignment.Right));
                    break;
                case ForEachStatementSyntax forEach
                    when _model.GetDeclaredSymbol(forEach, _cancellationToken) is ILocalSymbol iteration:
                    _localWrites.Add((iteration, forEach.Expression));
                    break;
            }
        }

        return _localWrites;
    }
}
