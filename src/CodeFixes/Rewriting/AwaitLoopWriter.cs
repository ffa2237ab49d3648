using System.Collections.Generic;
using System.Linq;
using AwaitAnalyzers.Independence;
using AwaitAnalyzers.Loops;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// docs/design.md §4, AWAIT002: the statement that replaces a loop — <c>await Task.WhenAll(xs.Select(…))</c>, the accumulation
/// shapes, or the bounded <c>Parallel.ForEachAsync</c> — and the usings it needs.
/// </summary>
internal sealed class AwaitLoopWriter
{
    private readonly SemanticModel _model;
    private readonly AwaitLoop _loop;
    private readonly FreshNames _names;
    private readonly int _position;

    /// <summary>Set for a counting for that only reads <c>a[i]</c>: the fix iterates the elements of <c>a</c>.</summary>
    private readonly ElementLoop? _elements;

    /// <summary>Namespaces the replacement names without a using in scope.</summary>
    private readonly HashSet<string> _neededUsings = new();

    public AwaitLoopWriter(SemanticModel model, AwaitLoop loop, FreshNames names)
    {
        _model = model;
        _loop = loop;
        _names = names;
        _position = loop.Loop.SpanStart;
        _elements = ElementLoop.Of(model, loop, names);
    }

    /// <summary>The namespaces the statements written so far need a using for.</summary>
    public IReadOnlyCollection<string> NeededUsings => _neededUsings;

    /// <summary>The iteration variable's identifier as written (a verbatim <c>@class</c> stays verbatim).</summary>
    internal SyntaxToken IterationIdentifier => _elements?.Item ?? (_loop.Loop is ForEachStatementSyntax forEach
        ? forEach.Identifier
        : ((ForStatementSyntax)_loop.Loop).Declaration!.Variables[0].Identifier).WithoutTrivia();

    /// <summary>Code of the body as the lambda over items sees it: with each <c>a[i]</c> read as the element.</summary>
    internal TNode InItem<TNode>(TNode node)
        where TNode : SyntaxNode
        => _elements is null ? node : _elements.InItem(node);

    /// <summary>
    /// <c>await Task.WhenAll(source.Select(x => …));</c>, or its accumulation into the list; null when a name it needs cannot be
    /// written there.
    /// </summary>
    public StatementSyntax? WhenAll()
    {
        var source = Source();
        var task = NameOf("System.Threading.Tasks.Task");
        if (source is null || task is null || !ImportLinq())
        {
            return null;
        }

        var select = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AwaitRewriting.Parenthesize(source), IdentifierName("Select")),
            ArgumentList(SingletonSeparatedList(Argument(Selector()))));
        var awaitAll = AwaitRewriting.Await(AwaitRewriting.WhenAll(task, new ExpressionSyntax[] { select }), _loop.ConfigureAwaitArgument);
        var accumulation = _loop.Accumulation;
        StatementSyntax statement;
        if (accumulation is null)
        {
            statement = ExpressionStatement(awaitAll);
        }
        else if (accumulation.HasAddRange)
        {
            statement = ExpressionStatement(InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, accumulation.List.WithoutTrivia(), IdentifierName("AddRange")),
                ArgumentList(SingletonSeparatedList(Argument(awaitAll)))));
        }
        else
        {
            // ICollection<T> has no AddRange, and the results may convert to the element type only one by one.
            var item = _names.Take("result");
            statement = ForEachStatement(
                IdentifierName("var"),
                Identifier(item),
                awaitAll,
                ExpressionStatement(InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, accumulation.List.WithoutTrivia(), IdentifierName("Add")),
                    ArgumentList(SingletonSeparatedList(Argument(IdentifierName(item)))))));
        }

        return Finish(statement);
    }

    /// <summary>
    /// <c>await Parallel.ForEachAsync(source, new ParallelOptions { MaxDegreeOfParallelism = N }, async (x, ct) => …);</c>; null when
    /// a name it needs cannot be written there.
    /// </summary>
    public StatementSyntax? Bounded(int degree)
    {
        var source = Source();
        var parallel = NameOf("System.Threading.Tasks.Parallel");
        var options = NameOf("System.Threading.Tasks.ParallelOptions");
        if (source is null || parallel is null || options is null || (_loop.Source.CastTo is not null && !ImportLinq()))
        {
            return null;
        }

        // The token the body passes on stops the loop too; inside, each iteration passes the token Parallel hands it.
        var token = _names.Take("ct");
        var outerToken = OuterCancellationToken();
        var single = SingleAwait();
        SyntaxNode original = single is null ? _loop.Body : single.Statement.Await;
        original = InItem(outerToken is null ? original : original.ReplaceNodes(outerToken.Value.References, (_, reference) => IdentifierName(token).WithTriviaFrom(reference)));
        var body = single is null ? LambdaBody((StatementSyntax)original) : (CSharpSyntaxNode)original.WithoutTrivia();
        var lambda = ParenthesizedLambdaExpression(
                ParameterList(SeparatedList(new[] { Parameter(IterationIdentifier), Parameter(Identifier(token)) })),
                body)
            .WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword));
        var settings = new List<ExpressionSyntax>
        {
            AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("MaxDegreeOfParallelism"), LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(degree))),
        };
        if (outerToken is not null)
        {
            settings.Add(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("CancellationToken"), IdentifierName(outerToken.Value.Name)));
        }

        var parallelOptions = ObjectCreationExpression(options)
            .WithArgumentList(null)
            .WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(settings)));
        var forEach = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, parallel, IdentifierName("ForEachAsync")),
            ArgumentList(SeparatedList(new[] { Argument(source), Argument(parallelOptions), Argument(lambda) })));
        return Finish(ExpressionStatement(AwaitRewriting.Await(forEach, _loop.ConfigureAwaitArgument)));
    }

    /// <summary>
    /// The one CancellationToken from outside the loop (the method's parameter, say) that the body reads, with the names
    /// that read it; null when there is none or more than one.
    /// </summary>
    private (SyntaxToken Name, IReadOnlyList<IdentifierNameSyntax> References)? OuterCancellationToken()
    {
        ISymbol? token = null;
        var references = new List<IdentifierNameSyntax>();
        foreach (var name in _loop.Body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (_model.GetSymbolInfo(name).Symbol is (ILocalSymbol or IParameterSymbol) and var symbol
                && TypeOf(symbol)?.ToDisplayString() == "System.Threading.CancellationToken"
                && !LoopShape.IsDeclaredIn(symbol, _loop.Loop))
            {
                if (token is not null && !SymbolEqualityComparer.Default.Equals(token, symbol))
                {
                    return null;
                }

                token = symbol;
                references.Add(name);
            }
        }

        return token is null ? null : (references[0].Identifier.WithoutTrivia(), references);
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>The sequence: the foreach collection (through <c>Cast&lt;T&gt;</c> when foreach converts), or <c>Enumerable.Range</c>.</summary>
    internal ExpressionSyntax? Source()
    {
        if (_elements is not null)
        {
            return _elements.Collection;
        }

        var source = _loop.Source;
        if (source.Collection is { } collection)
        {
            if (source.CastTo is null)
            {
                return collection.WithoutTrivia();
            }

            var written = ((ForEachStatementSyntax)_loop.Loop).Type;
            var type = written.IsVar
                ? ParseTypeName(source.CastTo.ToMinimalDisplayString(_model, _position))
                : written.WithoutTrivia();
            return InvocationExpression(MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                AwaitRewriting.Parenthesize(collection.WithoutTrivia()),
                GenericName(Identifier("Cast"), TypeArgumentList(SingletonSeparatedList(type)))));
        }

        var enumerable = NameOf("System.Linq.Enumerable");
        if (enumerable is null || source.RangeStart is null || source.RangeEnd is null)
        {
            return null;
        }

        var start = source.RangeStart.WithoutTrivia();
        var end = source.RangeEnd.WithoutTrivia();
        var count = start is LiteralExpressionSyntax { Token.ValueText: "0" }
            ? end
            : BinaryExpression(SyntaxKind.SubtractExpression, Operand(end), Operand(start));
        return InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, enumerable, IdentifierName("Range")),
            ArgumentList(SeparatedList(new[] { Argument(start), Argument(count) })));
    }

    /// <summary>An operand of <c>b - a</c>: parenthesized unless it is a primary expression.</summary>
    private static ExpressionSyntax Operand(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax ? expression : AwaitRewriting.Parenthesize(expression);

    /// <summary>
    /// What Select maps an item to: the task itself for a body that only awaits it (<c>x => F(x)</c>), else an async lambda
    /// over the body, whose accumulation <c>list.Add(e);</c> becomes <c>return e;</c>.
    /// </summary>
    private LambdaExpressionSyntax Selector()
    {
        var parameter = Parameter(IterationIdentifier);
        if (SingleAwait() is { } single)
        {
            return SimpleLambdaExpression(parameter, AwaitRewriting.AsTask(InItem(single.Statement.Invocation), single.Awaitable.IsValueTask()));
        }

        var body = _loop.Body;
        var lambdaBody = LambdaBody(InItem(body));
        if (_loop.Accumulation is { } accumulation)
        {
            lambdaBody = body == accumulation.AddStatement
                ? InItem(accumulation.Value).WithoutTrivia()
                : LambdaBody(InItem(body.ReplaceNode(
                    accumulation.AddStatement,
                    ReturnStatement(accumulation.Value.WithoutTrivia()).WithTriviaFrom(accumulation.AddStatement))));
        }

        return SimpleLambdaExpression(parameter, lambdaBody).WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword));
    }

    /// <summary>
    /// The one await when the body is nothing else: <c>await F(x);</c>, <c>list.Add(await F(x));</c>, or
    /// <c>var r = await F(x); list.Add(r);</c> where r has the type F's task produces.
    /// </summary>
    private AwaitedOperation? SingleAwait()
    {
        if (_loop.Awaits.Length != 1)
        {
            return null;
        }

        var single = _loop.Awaits[0];
        var statements = _loop.Body is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { _loop.Body };
        var accumulation = _loop.Accumulation;
        if (accumulation is null)
        {
            return statements.Count == 1 && single.Statement.Kind == AwaitStatementKind.Expression && single.Statement.Statement == statements[0] ? single : null;
        }

        if (statements.Count == 1 && accumulation.Value == single.Statement.Await)
        {
            return single;
        }

        return statements.Count == 2
               && accumulation.ResultDeclaration is { } declaration
               && single.Statement.Statement == declaration
               && _model.GetDeclaredSymbol(single.Statement.Declarator!) is ILocalSymbol result
               && single.Invocation.Type is INamedTypeSymbol { TypeArguments.Length: 1 } task
               && SymbolEqualityComparer.Default.Equals(result.Type, task.TypeArguments[0])
            ? single
            : null;
    }

    /// <summary>The loop body as a lambda body: its block, the expression of a lone expression statement, or a new block around it.</summary>
    private static CSharpSyntaxNode LambdaBody(StatementSyntax body) => body switch
    {
        BlockSyntax block => block.WithoutTrivia(),
        ExpressionStatementSyntax statement => statement.Expression.WithoutTrivia(),
        _ => Block(
            Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(ElasticCarriageReturnLineFeed),
            SingletonList(body.WithoutTrivia()),
            Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(ElasticCarriageReturnLineFeed)),
    };

    /// <summary>The replacement keeps the loop's own trivia and every comment written between its tokens outside the kept body.</summary>
    private StatementSyntax Finish(StatementSyntax statement)
    {
        var loop = _loop.Loop;
        var leading = loop.GetLeadingTrivia();

        // A statement at the start of a line of its own has no whitespace before it (top-level statements, say): no indentation to repeat.
        var indentation = leading.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().Take(1).ToList();
        var comments = new List<SyntaxTrivia>();
        foreach (var trivia in loop.DescendantTrivia())
        {
            if (IsComment(trivia) && !leading.Contains(trivia) && !loop.GetTrailingTrivia().Contains(trivia) && !IsKept(trivia))
            {
                comments.AddRange(indentation);
                comments.Add(trivia);
                comments.Add(Imports.NewLineOf(loop.SyntaxTree.GetRoot()));
            }
        }

        var newLeading = comments.Count == 0 ? leading : leading.AddRange(comments).AddRange(indentation);
        return statement
            .WithLeadingTrivia(newLeading)
            .WithTrailingTrivia(loop.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>True for trivia inside a node the replacement reuses (the source, the started operation, the lambda's body).</summary>
    private bool IsKept(SyntaxTrivia trivia)
    {
        var span = trivia.Span;
        var source = _loop.Source;
        if (source.Collection?.Span.Contains(span) == true
            || source.RangeStart?.Span.Contains(span) == true
            || source.RangeEnd?.Span.Contains(span) == true
            || (_loop.Loop is ForEachStatementSyntax forEach && forEach.Type.Span.Contains(span)))
        {
            return true;
        }

        if (SingleAwait() is { } single)
        {
            return single.Statement.Await.Span.Contains(span);
        }

        if (_loop.Accumulation is { } accumulation && accumulation.AddStatement.Span.Contains(span))
        {
            return accumulation.Value.Span.Contains(span); // list.Add(e) becomes e
        }

        SyntaxNode body = _loop.Body is ExpressionStatementSyntax statement ? statement.Expression : _loop.Body;
        return body.Span.Contains(span);
    }

    internal static bool IsComment(SyntaxTrivia trivia)
        => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

    /// <summary>Enumerable's extension methods (Select, Cast) need System.Linq in scope; false when another Enumerable would clash.</summary>
    internal bool ImportLinq() => NameOf("System.Linq.Enumerable") is not null;

    internal NameSyntax? NameOf(string metadataName)
    {
        if (_model.Compilation.GetTypeByMetadataName(metadataName) is not { } type)
        {
            return null;
        }

        var (name, needsUsing) = Imports.NameFor(_model, _position, type);
        if (needsUsing)
        {
            _neededUsings.Add(type.ContainingNamespace.ToDisplayString());
        }
        else if (name is QualifiedNameSyntax or AliasQualifiedNameSyntax && metadataName == "System.Linq.Enumerable")
        {
            return null; // Another Enumerable is in scope: extension methods of System.Linq would need a using that makes it ambiguous.
        }

        return name;
    }
}
