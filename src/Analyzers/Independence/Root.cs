using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.2: an instance an operation reaches through its receiver chain or its arguments — a local, a parameter,
/// a field, a property, or <c>this</c>.
/// </summary>
internal readonly struct Root
{
    public Root(ISymbol symbol, ITypeSymbol type, ISymbol? via = null)
    {
        Symbol = symbol;
        Type = type;
        Via = via;
    }

    /// <summary>The local, parameter, field or property; for <c>this</c>, the containing type.</summary>
    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }

    /// <summary>
    /// For a resource reached through another object (<c>process.StandardOutput.BaseStream</c>): the local, parameter,
    /// field or property that object was read from (<c>StandardOutput</c>); null when it is not one.
    /// </summary>
    public ISymbol? Via { get; }

    /// <summary>May be one instance: the same symbol, whatever it was reached through (docs/design.md §3.2).</summary>
    public bool IsSameInstanceAs(Root other) => SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    /// <summary>
    /// Is one instance (docs/design.md §7): the same symbol reached through the same object, so the output and the error
    /// streams of one process are two.
    /// </summary>
    public bool IsProvablySameInstanceAs(Root other)
        => IsSameInstanceAs(other) && SymbolEqualityComparer.Default.Equals(Via, other.Via);

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
    private readonly HashSet<ILocalSymbol> _inMemoryLocals = new(SymbolEqualityComparer.Default);
    private readonly List<Root> _roots = new();
    private List<(ILocalSymbol Local, ExpressionSyntax Value)>? _localWrites;
    private Func<IOperation, bool>? _descendInto;

    private RootFinder(WellKnownTypes types, SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
    {
        _types = types;
        _model = model;
        _body = body;
        _cancellationToken = cancellationToken;
    }

    /// <param name="body">The body whose statements may assign the locals met (their earlier values are followed).</param>
    /// <param name="descendInto">Where to look: false for a part of the operation whose roots do not count (a locked block).</param>
    public static ImmutableArray<Root> Find(
        WellKnownTypes types, SemanticModel model, IOperation operation, SyntaxNode body, CancellationToken cancellationToken,
        Func<IOperation, bool>? descendInto = null)
    {
        var finder = new RootFinder(types, model, body, cancellationToken) { _descendInto = descendInto };
        finder.Collect(operation);
        return finder._roots.ToImmutableArray();
    }

    private void Collect(IOperation operation, bool skipAwaitedResults = false)
    {
        // An awaited result assigned to a local is a completed value (`var users = await db.Users.ToListAsync()` holds users,
        // not db), while an unawaited query keeps its source.
        var descendInto = _descendInto;
        Func<IOperation, bool>? into = skipAwaitedResults
            ? n => n is not IAwaitOperation && (descendInto is null || descendInto(n))
            : descendInto;
        foreach (var node in operation.SelfAndDescendants(into))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case ILocalReferenceOperation local:
                    if (!IsInMemoryQueryLocal(local.Local))
                    {
                        Add(local.Local, local.Local.Type);
                    }

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

                // A resource reached through another object is a root of its own: HttpContext.Response, file.Stream.
                case IFieldReferenceOperation field when _types.IsBuiltInResource(field.Field.Type):
                    Add(field.Field, field.Field.Type, field.Instance?.ReferencedSymbol());
                    break;
                case IPropertyReferenceOperation property when _types.IsBuiltInResource(property.Property.Type):
                    Add(property.Property, property.Property.Type, property.Instance?.ReferencedSymbol());
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

    /// <summary>
    /// docs/design.md §3.8: a local query whose every value is LINQ in memory — <c>AsQueryable()</c> over a sequence, or
    /// composed from such a query — holds no provider worth a root (the sequence it reads is followed as usual).
    /// </summary>
    private bool IsInMemoryQueryLocal(ILocalSymbol local)
    {
        if (_types.Queryable is not { } queryable || !Implements(local.Type, queryable))
        {
            return false;
        }

        var any = false;
        foreach (var (target, value) in GetLocalWrites())
        {
            if (!SymbolEqualityComparer.Default.Equals(target, local))
            {
                continue;
            }

            any = true;
            if (_model.GetOperation(value, _cancellationToken) is not { } operation || !IsInMemoryQuery(operation, depth: 0))
            {
                return false;
            }
        }

        return any;
    }

    private bool IsInMemoryQuery(IOperation operation, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return IsInMemoryQuery(conversion.Operand, depth + 1);
            case IArgumentOperation argument:
                return IsInMemoryQuery(argument.Value, depth + 1);
            case IInvocationOperation { Arguments.Length: > 0 } invocation
                when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _types.QueryableExtensions):
                var source = invocation.Arguments[0].Value is IConversionOperation { IsImplicit: true } implicitConversion
                    ? implicitConversion.Operand
                    : invocation.Arguments[0].Value;
                return invocation.TargetMethod.Name == "AsQueryable" && source.Type is { } sequence && !Implements(sequence, _types.Queryable!)
                    || IsInMemoryQuery(source, depth + 1);
            case ILocalReferenceOperation reference when _followedLocals.Count < 64:
                return _inMemoryLocals.Add(reference.Local) && IsInMemoryQueryLocal(reference.Local);
            default:
                return operation.Type is { } type && _types.EnumerableQuery is { } inMemory && Implements(type, inMemory);
        }
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A member read on <c>this</c> or statically is itself a root; one read on another object is reached through that object.</summary>
    private static bool IsChainBase(IOperation? instance) => instance is null or IInstanceReferenceOperation;

    private void Add(ISymbol symbol, ITypeSymbol? type, ISymbol? via = null)
    {
        if (type is null || !CanHoldResource(type))
        {
            return;
        }

        foreach (var existing in _roots)
        {
            if (SymbolEqualityComparer.Default.Equals(existing.Symbol, symbol) && SymbolEqualityComparer.Default.Equals(existing.Via, via))
            {
                return;
            }
        }

        _roots.Add(new Root(symbol, type, via));
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
