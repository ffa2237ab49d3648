using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AwaitAnalyzers.Loops;
using AwaitAnalyzers.Options;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>docs/design.md §2 (AWAIT002) and §3: when the iterations of a loop that awaits may run at the same time.</summary>
internal sealed partial class IndependenceModel
{
    /// <summary>The cheap syntactic test run before any semantic work: a foreach or for whose body awaits.</summary>
    public static bool LooksLikeLoopCandidate(StatementSyntax loop)
    {
        var body = loop switch
        {
            ForEachStatementSyntax forEach when forEach.AwaitKeyword.IsKind(SyntaxKind.None) => forEach.Statement,
            ForStatementSyntax @for => @for.Statement,
            _ => null,
        };
        if (body is null || loop.ContainsDiagnostics)
        {
            return false;
        }

        foreach (var node in body.DescendantNodesAndSelf(n => !IsNestedFunction(n)))
        {
            if (node.IsKind(SyntaxKind.AwaitExpression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §2 AWAIT002: the loop when its body awaits operations that use the iteration variable and its iterations
    /// are independent (§3); null for anything that cannot be proven.
    /// </summary>
    public AwaitLoop? AnalyzeLoop(StatementSyntax loop, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        if (!LooksLikeLoopCandidate(loop) || !AsyncContext.IsInAsyncFunction(loop) || AsyncContext.HasSyntaxErrors(loop))
        {
            return null;
        }

        var body = loop is ForEachStatementSyntax forEach ? forEach.Statement : ((ForStatementSyntax)loop).Statement;
        var awaits = CollectAwaits(body);
        var function = AsyncContext.EnclosingBody(loop);

        // A lambda in a struct cannot use this (CS1673), so the rewrite would not compile.
        if (awaits is null || function is null || model.GetEnclosingSymbol(loop.SpanStart, cancellationToken)?.ContainingType is { IsValueType: true })
        {
            return null;
        }

        var (iterationVariable, source) = loop is ForEachStatementSyntax each
            ? ForEachSource(each, model, cancellationToken)
            : CountingForSource((ForStatementSyntax)loop, model, cancellationToken);
        if (iterationVariable is null || source is null)
        {
            return null;
        }

        // Code being typed: a body that does not bind says nothing about its iterations.
        if (model.GetOperation(body, cancellationToken) is not { } bodyOperation || bodyOperation.HasErrors(cancellationToken))
        {
            return null;
        }

        var operations = BindLoopAwaits(awaits, iterationVariable, body, bodyOperation, model, options, cancellationToken);
        if (operations.IsDefault || WritesOutsideIteration(loop, body, bodyOperation, iterationVariable, model))
        {
            return null;
        }

        var accumulation = FindAccumulation(loop, body, model, cancellationToken);
        if (TouchesSharedState(loop, bodyOperation, operations, accumulation, model, options, cancellationToken)
            || SharesResourceAcrossIterations(loop, iterationVariable, operations, function, model, options, cancellationToken)
            || (!options.ReportPipelines && IsPipeline(loop, iterationVariable, operations))
            || WritesAcrossIterations(loop, operations, function, model, options, cancellationToken)
            || DeclaredIntent.SaysSequential(loop, loop))
        {
            return null;
        }

        return new AwaitLoop(loop, iterationVariable, operations, source, accumulation);
    }

    private static bool IsNestedFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    /// <summary>
    /// The awaits of the body, or null when the body leaves or orders the loop: break, continue, return, goto, yield,
    /// throw (docs/design.md §2), lock, await foreach, await using.
    /// </summary>
    internal static List<AwaitExpressionSyntax>? CollectAwaits(StatementSyntax body)
    {
        var awaits = new List<AwaitExpressionSyntax>();
        foreach (var node in body.DescendantNodesAndSelf(n => !IsNestedFunction(n)))
        {
            switch (node)
            {
                case AwaitExpressionSyntax await:
                    awaits.Add(await);
                    break;
                case ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax or ThrowStatementSyntax
                    or ThrowExpressionSyntax or LabeledStatementSyntax or LockStatementSyntax:
                    return null;
                case BreakStatementSyntax when !HasTargetInside(node, body, switchIsTarget: true):
                case ContinueStatementSyntax when !HasTargetInside(node, body, switchIsTarget: false):
                    return null;
                case CommonForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                    return null;
            }
        }

        return awaits.Count == 0 ? null : awaits;
    }

    /// <summary>True when a break or continue leaves a loop (or switch) nested in the body, not the loop itself.</summary>
    private static bool HasTargetInside(SyntaxNode jump, StatementSyntax body, bool switchIsTarget)
    {
        for (var current = jump.Parent; current is not null; current = current.Parent)
        {
            if (current is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                || (switchIsTarget && current is SwitchStatementSyntax))
            {
                return true;
            }

            if (current == body)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// What a foreach iterates, as a sequence Select accepts: its elements have the iteration variable's type, or
    /// convert to it as Enumerable.Cast does (reference, boxing, unboxing). Queryables are excluded: Select would build an expression tree.
    /// </summary>
    internal (ILocalSymbol? Variable, LoopSource? Source) ForEachSource(ForEachStatementSyntax forEach, SemanticModel model, CancellationToken cancellationToken)
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
            return (variable, sequences == 1 ? LoopSource.ForEach(forEach.Expression, null) : LoopSource.ForEach(forEach.Expression, variable.Type));
        }

        var conversion = compilation.ClassifyConversion(element, variable.Type);
        return conversion.Exists && !conversion.IsUserDefined && (conversion.IsReference || conversion.IsBoxing || conversion.IsUnboxing)
            ? (variable, LoopSource.ForEach(forEach.Expression, variable.Type))
            : (null, null);
    }

    private static IEnumerable<ITypeSymbol> SelfAndInterfaces(ITypeSymbol type)
    {
        yield return type;
        foreach (var implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }

    /// <summary>
    /// docs/design.md §2: <c>for (int i = a; i &lt; b; i++)</c> (also <c>++i</c>, <c>i += 1</c>), whose bounds are read once by
    /// Enumerable.Range: they must be ints that no call, assignment or await computes.
    /// </summary>
    internal static (ILocalSymbol? Variable, LoopSource? Source) CountingForSource(ForStatementSyntax @for, SemanticModel model, CancellationToken cancellationToken)
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

        return (variable, LoopSource.Range(start, end));
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

    /// <summary>
    /// Binds every await of the body; default when one is not an invocation of a Task-like, is a pause or
    /// synchronisation step (§3.3) or already complete (§3.5), does not use the iteration variable (retry and poll
    /// shapes), or configures await differently from the others (one WhenAll carries one ConfigureAwait).
    /// </summary>
    internal ImmutableArray<AwaitedOperation> BindLoopAwaits(List<AwaitExpressionSyntax> awaits, ILocalSymbol iterationVariable, StatementSyntax body, IOperation bodyOperation, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        var locals = new LocalReferences(bodyOperation);
        var perIteration = ValuesOfIteration(iterationVariable, body, locals, model, cancellationToken);
        var operations = ImmutableArray.CreateBuilder<AwaitedOperation>(awaits.Count);
        foreach (var await in awaits)
        {
            var shape = AwaitStatement.FromAwait(await);
            var operation = shape is null ? null : Bind(shape, model, options, cancellationToken);
            if (operation is null
                || operation.Intent is OperationIntent.OrderingStep or OperationIntent.NoBenefit
                || !Reads(await.Expression, perIteration, locals)
                || (operations.Count > 0 && !operations[0].Statement.ConfiguresAwaitLike(operation.Statement)))
            {
                return default;
            }

            operations.Add(operation);
        }

        return operations.MoveToImmutable();
    }

    /// <summary>The iteration variable and the locals the body computes from it, transitively (in textual order).</summary>
    private static HashSet<ISymbol> ValuesOfIteration(ILocalSymbol iterationVariable, StatementSyntax body, LocalReferences locals, SemanticModel model, CancellationToken cancellationToken)
    {
        var values = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { iterationVariable };
        foreach (var node in body.DescendantNodesAndSelf(n => !IsNestedFunction(n)))
        {
            var (value, symbol) = node switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator => (initial, model.GetDeclaredSymbol(declarator, cancellationToken)),
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment => (assignment.Right, locals.Of(name)),
                ForEachStatementSyntax nested => (nested.Expression, model.GetDeclaredSymbol(nested, cancellationToken)),
                _ => ((ExpressionSyntax?)null, (ISymbol?)null),
            };
            if (value is not null && symbol is ILocalSymbol && Reads(value, values, locals))
            {
                values.Add(symbol);
            }
        }

        return values;
    }

    /// <summary>True when the expression names one of the locals (only locals are ever asked for).</summary>
    private static bool Reads(ExpressionSyntax expression, HashSet<ISymbol> symbols, LocalReferences locals)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax && locals.Of(node) is { } symbol && symbols.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>docs/design.md §3.1 in a loop: the body writes no variable declared outside it, nor the counter, so no iteration feeds the next.</summary>
    internal static bool WritesOutsideIteration(StatementSyntax loop, StatementSyntax body, IOperation bodyOperation, ILocalSymbol iterationVariable, SemanticModel model)
    {
        if (!LoopWriteScreen.MayWriteOutside(bodyOperation, loop, iterationVariable))
        {
            return false;
        }

        var flow = model.AnalyzeDataFlow(body);
        if (flow is not { Succeeded: true })
        {
            return true;
        }

        foreach (var written in flow.WrittenInside)
        {
            if (SymbolEqualityComparer.Default.Equals(written, iterationVariable) || !IsDeclaredIn(written, loop))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the iteration variable and what the body declares: each iteration has its own.</summary>
    internal static bool IsDeclaredIn(ISymbol symbol, StatementSyntax loop)
    {
        if (symbol is not (ILocalSymbol or IParameterSymbol or IRangeVariableSymbol))
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §2 accumulation: the body ends with <c>list.Add(e);</c> on a local List&lt;T&gt; or ICollection&lt;T&gt;
    /// declared before the loop and used by nothing else in it.
    /// </summary>
    internal LoopAccumulation? FindAccumulation(StatementSyntax loop, StatementSyntax body, SemanticModel model, CancellationToken cancellationToken)
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
            || IsDeclaredIn(listReference.Local, loop)
            || CountReferences(loop, listReference.Local, model, cancellationToken) != 1
            || model.GetTypeInfo(arguments[0].Expression, cancellationToken).Type is not { TypeKind: not TypeKind.Error } valueType)
        {
            return null;
        }

        var element = operation.TargetMethod.Parameters.Length == 1 ? operation.TargetMethod.Parameters[0].Type : null;
        var isList = IsList(listReference.Local.Type);
        if (element is null || !(isList || IsCollectionAdd(operation.TargetMethod)))
        {
            return null;
        }

        var conversion = model.Compilation.ClassifyConversion(valueType, element);
        var hasAddRange = isList && (conversion.IsIdentity || (conversion.IsImplicit && conversion.IsReference));
        return new LoopAccumulation(add, list, arguments[0].Expression, hasAddRange, ResultDeclaration(statements, arguments[0].Expression, loop, model, cancellationToken));
    }

    private bool IsList(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (Types.ListOfT is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Types.ListOfT))
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

        foreach (var candidate in SelfAndInterfaces(type))
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
    private static LocalDeclarationStatementSyntax? ResultDeclaration(IReadOnlyList<StatementSyntax> statements, ExpressionSyntax value, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
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

    /// <summary>
    /// Iterations run at once touch shared state when the body assigns anything but its own locals (a field, a
    /// property, an element), synchronises (System.Threading, §3.3), or, once an await has let other iterations run,
    /// calls a method that reaches an instance from outside the iteration which is not known safe (a collection, a
    /// builder, this). The accumulation's Add is the exception: the fix adds every result after WhenAll.
    /// </summary>
    internal bool TouchesSharedState(StatementSyntax loop, IOperation bodyOperation, ImmutableArray<AwaitedOperation> operations, LoopAccumulation? accumulation, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        var firstAwaitEnd = operations[0].Statement.Await.Span.End;
        var started = new HashSet<SyntaxNode>();
        foreach (var operation in operations)
        {
            started.Add(operation.Statement.Invocation);
            started.Add(operation.Statement.Await.Expression);
        }

        var inference = GetResourceInference(options);
        foreach (var operation in bodyOperation.SelfAndDescendants())
        {
            switch (operation)
            {
                case IAssignmentOperation assignment when !IsIterationTarget(assignment.Target, loop):
                case IIncrementOrDecrementOperation increment when !IsIterationTarget(increment.Target, loop):
                case IEventAssignmentOperation:
                    return true;
                case IInvocationOperation invocation:
                    if (IsSynchronisation(invocation.TargetMethod))
                    {
                        return true;
                    }

                    if (invocation.Syntax.Span.End > firstAwaitEnd
                        && !started.Contains(invocation.Syntax)
                        && invocation.Syntax != accumulation?.AddStatement.Expression)
                    {
                        if (ReachesSharedInstance(invocation, loop, inference, model, cancellationToken))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a call reaches an instance from outside the iteration that is not known safe. Only what the call names
    /// itself counts (a local the iteration computed, such as an awaited result, is its own); awaited operations inside
    /// it are left to the resource test across iterations.
    /// </summary>
    private bool ReachesSharedInstance(IOperation operation, StatementSyntax loop, ResourceInference inference, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var child in operation.ChildOperations)
        {
            if (child is IAwaitOperation)
            {
                continue;
            }

            if (child.SelfAndDescendants().Any(o => o is IAwaitOperation))
            {
                if (ReachesSharedInstance(child, loop, inference, model, cancellationToken))
                {
                    return true;
                }

                continue;
            }

            foreach (var root in RootFinder.Find(Types, model, child, child.Syntax, cancellationToken))
            {
                if (!IsDeclaredIn(root.Symbol, loop) && !inference.IsKnownSafe(root.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsIterationTarget(IOperation target, StatementSyntax loop) => target switch
    {
        ILocalReferenceOperation local => IsDeclaredIn(local.Local, loop),
        IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } => true, // an initializer of a new object
        IDeclarationExpressionOperation or IDiscardOperation => true,
        ITupleOperation tuple => tuple.Elements.All(e => IsIterationTarget(e, loop)),
        _ => false,
    };

    /// <summary>docs/design.md §3.3: a pause or synchronisation step, awaited or not (Monitor, SemaphoreSlim, Thread.Sleep, Interlocked…).</summary>
    private bool IsSynchronisation(IMethodSymbol method)
    {
        if (IsOrderingStep(method))
        {
            return true;
        }

        var type = method.ContainingType;
        return type is not null
               && type.ContainingNamespace?.ToDisplayString() == "System.Threading"
               && type.Name is not ("CancellationToken" or "CancellationTokenSource");
    }

    /// <summary>
    /// docs/design.md §3.10: an ordered pipeline — each awaited call's receiver is the item itself (or reached from it, or
    /// indexed by the counter) and is an interface, an abstract class or a delegate: handlers, checks, plugins, steps.
    /// Steps of a chain read what earlier steps wrote to the context they share; the order of a chain is its design.
    /// </summary>
    private static bool IsPipeline(StatementSyntax loop, ILocalSymbol iterationVariable, ImmutableArray<AwaitedOperation> operations)
    {
        foreach (var operation in operations)
        {
            var invocation = operation.Invocation;
            var receiver = invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke ? invocation.Instance : EffectAnalysis.ReceiverOf(invocation);
            if (receiver?.Type is { } type
                && (type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.TypeParameter || type.IsAbstract)
                && ComesFromItem(receiver, loop, iterationVariable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the receiver is the item, a member of it, an element indexed by the counter, or a local of the body.</summary>
    private static bool ComesFromItem(IOperation receiver, StatementSyntax loop, ILocalSymbol iterationVariable)
    {
        for (var current = receiver; current is not null;)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, iterationVariable) || IsDeclaredIn(local.Local, loop);
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IMemberReferenceOperation member:
                    if (member is IPropertyReferenceOperation { Arguments.Length: > 0 } indexer
                        && indexer.Arguments.Any(a => a.Value.SelfAndDescendants().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, iterationVariable))))
                    {
                        return true;
                    }

                    current = member.Instance;
                    break;
                case IArrayElementReferenceOperation element:
                    return element.Indices.Any(i => i.SelfAndDescendants().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, iterationVariable)));
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.10 in a loop: an awaited operation writes an object every iteration shares (its receiver or an
    /// argument from outside the body), static state, or variables a local function captures.
    /// </summary>
    private bool WritesAcrossIterations(StatementSyntax loop, ImmutableArray<AwaitedOperation> operations, SyntaxNode function, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        var inference = GetResourceInference(options);
        foreach (var operation in operations)
        {
            var writes = SharedWrites.Of(operation, this, model, function, inference, local => IsDeclaredIn(local, loop), cancellationToken);
            if (writes.WritesStatic || writes.WritesCaptured)
            {
                return true;
            }

            foreach (var root in writes.Roots)
            {
                if (!IsDeclaredIn(root.Symbol, loop) && !inference.IsKnownSafe(root.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// docs/design.md §3.2, last paragraph: one iteration against the next, over the roots that are not declared inside the
    /// body (one Stream, one DbContext used by every iteration), and the iteration variable's type: each item is another
    /// instance, but items resolved from DI (handlers, repositories) share the scoped resources they hold.
    /// </summary>
    internal bool SharesResourceAcrossIterations(StatementSyntax loop, ILocalSymbol iterationVariable, ImmutableArray<AwaitedOperation> operations, SyntaxNode function, SemanticModel model, AwaitOptions options, CancellationToken cancellationToken)
    {
        var shared = ImmutableArray.CreateBuilder<Root>();
        var items = ImmutableArray.CreateBuilder<Root>();
        foreach (var operation in operations)
        {
            foreach (var root in GetRoots(operation, model, function, cancellationToken))
            {
                if (!IsDeclaredIn(root.Symbol, loop))
                {
                    shared.Add(root);
                }
                else if (SymbolEqualityComparer.Default.Equals(root.Symbol, iterationVariable))
                {
                    items.Add(root);
                }
            }
        }

        return IterationsConflict(shared.ToImmutable(), items.ToImmutable(), options);
    }
}
