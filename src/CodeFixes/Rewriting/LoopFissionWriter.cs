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
/// docs/design.md §4, the order-preserving fix of AWAIT002: the statements that replace a loop of the <see cref="LoopFission"/>
/// shape. The operations start together (<c>var rs = await Task.WhenAll(xs.Select(x => F(x)));</c>), then a loop over the
/// same items runs the rest as written, item by item, with each item's result.
/// </summary>
internal sealed class LoopFissionWriter
{
    private readonly SemanticModel _model;
    private readonly AwaitLoop _loop;
    private readonly LoopFission _fission;
    private readonly AwaitLoopWriter _shared;
    private readonly FreshNames _names;

    public LoopFissionWriter(SemanticModel model, AwaitLoop loop, AwaitLoopWriter shared, FreshNames names)
    {
        _model = model;
        _loop = loop;
        _fission = loop.Fission!;
        _shared = shared;
        _names = names;
    }

    /// <summary>The statements in the loop's place; null when a name they need cannot be written there.</summary>
    public IReadOnlyList<StatementSyntax>? Statements()
    {
        var task = _shared.NameOf("System.Threading.Tasks.Task");
        var source = _shared.Source();
        if (task is null || source is null || !_shared.ImportLinq() || LoopShape.BodyOf(_loop.Loop) is not BlockSyntax block)
        {
            return null;
        }

        var statements = new List<StatementSyntax>();
        var indexed = _loop.Loop is ForEachStatementSyntax forEach ? IndexedCollection(forEach) : null;
        if (_loop.Loop is ForEachStatementSyntax && indexed is null)
        {
            // Enumerated once, as the loop did: the operations and the rest read the same list of items.
            var items = _names.Take(_shared.IterationIdentifier.ValueText.TrimStart('@') + "List");
            statements.Add(Declare(items, InvocationExpression(MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, AwaitRewriting.Parenthesize(source), IdentifierName("ToList")))));
            indexed = (IdentifierName(items), "Count");
            source = IdentifierName(items);
        }

        var select = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AwaitRewriting.Parenthesize(source), IdentifierName("Select")),
            ArgumentList(SingletonSeparatedList(Argument(Selector(block)))));
        var awaitAll = AwaitRewriting.Await(AwaitRewriting.WhenAll(task, new ExpressionSyntax[] { select }), _loop.ConfigureAwaitArgument);
        var results = _fission.DeclaresResult ? _names.Take(Plural(_fission.Operation.Statement.Declarator!.Identifier.ValueText)) : null;
        StatementSyntax start = results is null ? ExpressionStatement(awaitAll) : Declare(results, awaitAll);
        statements.Add(start.WithLeadingTrivia(_fission.AwaitStatement.GetLeadingTrivia().Where(AwaitLoopWriter.IsComment)));
        statements.Add(RestLoop(block, indexed, results));

        // Each statement on a line of its own at the loop's indentation; the formatter lays out what is inside them.
        var layout = Layout.At(_loop.Loop);
        for (var i = 0; i < statements.Count; i++)
        {
            var leading = i == 0 ? _loop.Loop.GetLeadingTrivia() : layout.Indentation;
            var comments = i == 0 ? HeaderComments().Concat(statements[i].GetLeadingTrivia()) : statements[i].GetLeadingTrivia();
            foreach (var comment in comments.Where(AwaitLoopWriter.IsComment))
            {
                leading = leading.Add(comment).Add(layout.EndOfLine).AddRange(layout.Indentation);
            }

            statements[i] = statements[i]
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(layout.EndOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(_loop.Loop.GetTrailingTrivia());
        return statements;
    }

    /// <summary>
    /// What Select maps an item to: the operation itself (<c>x => F(x)</c>), or, with a prelude, an async lambda that computes
    /// its arguments and awaits it.
    /// </summary>
    private LambdaExpressionSyntax Selector(BlockSyntax block)
    {
        var parameter = Parameter(_shared.IterationIdentifier);
        var operation = _fission.Operation;
        if (_fission.Prelude.IsEmpty)
        {
            return SimpleLambdaExpression(parameter, AwaitRewriting.AsTask(_shared.InItem(operation.Statement.Invocation), operation.Awaitable.IsValueTask()));
        }

        var awaited = _shared.InItem(operation.Statement.Await).WithoutTrivia();
        StatementSyntax last = _fission.DeclaresResult ? ReturnStatement(awaited) : ExpressionStatement(awaited);
        var prelude = _fission.Prelude.Select(_shared.InItem);
        var body = block.WithStatements(List(prelude.Concat(new[] { last.WithTriviaFrom(_fission.AwaitStatement) }))).WithoutTrivia();
        return SimpleLambdaExpression(parameter, body).WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword));
    }

    /// <summary>
    /// The loop that runs the rest in order: the loop itself when it needs no result and its items can be read again; else
    /// a loop over the index of the items and results.
    /// </summary>
    private StatementSyntax RestLoop(BlockSyntax block, (ExpressionSyntax Collection, string Count)? indexed, string? results)
    {
        var statements = new List<StatementSyntax>();
        ExpressionSyntax? index = null;
        StatementSyntax loop;
        if (_loop.Loop is ForStatementSyntax @for)
        {
            loop = @for;
            index = IdentifierName(@for.Declaration!.Variables[0].Identifier.WithoutTrivia());
            if (_loop.Source.RangeStart is { } start && start is not LiteralExpressionSyntax { Token.ValueText: "0" })
            {
                var offset = start is LiteralExpressionSyntax or IdentifierNameSyntax ? start.WithoutTrivia() : ParenthesizedExpression(start.WithoutTrivia());
                index = BinaryExpression(SyntaxKind.SubtractExpression, index, offset);
            }
        }
        else if (results is null && _loop.Loop is ForEachStatementSyntax original)
        {
            // The items are read again: the collection itself when it can be, else the list they were put in.
            loop = IndexedCollection(original) is not null ? original : original.WithExpression(indexed!.Value.Collection.WithTriviaFrom(original.Expression));
        }
        else
        {
            var forEach = (ForEachStatementSyntax)_loop.Loop;
            var i = _names.Take("i");
            index = IdentifierName(i);
            var (collection, count) = indexed!.Value;
            loop = ForStatement(
                VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(VariableDeclarator(Identifier(i)).WithInitializer(EqualsValueClause(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0)))))),
                SeparatedList<ExpressionSyntax>(),
                BinaryExpression(SyntaxKind.LessThanExpression, IdentifierName(i), MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, collection, IdentifierName(count))),
                SingletonSeparatedList<ExpressionSyntax>(PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, IdentifierName(i))),
                block);
            var type = forEach.Type.IsVar ? (TypeSyntax)IdentifierName("var") : forEach.Type.WithoutTrivia();
            statements.Add(LocalDeclarationStatement(VariableDeclaration(
                type,
                SingletonSeparatedList(VariableDeclarator(_shared.IterationIdentifier).WithInitializer(EqualsValueClause(ElementAccess(collection, IdentifierName(i))))))));
        }

        if (results is not null)
        {
            var declaration = (LocalDeclarationStatementSyntax)_fission.AwaitStatement;
            var result = declaration.ReplaceNode(_fission.Operation.Statement.Await, ElementAccess(IdentifierName(results), index!).WithTriviaFrom(_fission.Operation.Statement.Await));
            statements.Add(result.WithoutLeadingTrivia().WithTrailingTrivia(result.GetTrailingTrivia().Where(t => !AwaitLoopWriter.IsComment(t))));
        }

        statements.AddRange(_fission.Rest);
        var body = block.WithStatements(List(statements));
        return loop switch
        {
            ForStatementSyntax forLoop => forLoop.WithStatement(body),
            ForEachStatementSyntax forEachLoop => forEachLoop.WithStatement(body),
            _ => loop,
        };
    }

    /// <summary>The foreach collection and its count property when it is a local or parameter that can be indexed as it is.</summary>
    private (ExpressionSyntax Collection, string Count)? IndexedCollection(ForEachStatementSyntax forEach)
    {
        if (_loop.Source.CastTo is not null
            || forEach.Expression is not IdentifierNameSyntax name
            || _model.GetSymbolInfo(name).Symbol is not (ILocalSymbol or IParameterSymbol)
            || _model.GetTypeInfo(name).Type is not { } type)
        {
            return null;
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array && SymbolEqualityComparer.Default.Equals(array.ElementType, _loop.IterationVariable.Type))
        {
            return (name.WithoutTrivia(), "Length");
        }

        var definition = type.OriginalDefinition;
        var isList = definition.SpecialType is SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                     || definition.ToDisplayString() == "System.Collections.Generic.List<T>";
        return isList && type is INamedTypeSymbol { TypeArguments.Length: 1 } named && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], _loop.IterationVariable.Type)
            ? (name.WithoutTrivia(), "Count")
            : null;
    }

    /// <summary>Comments written inside the loop's header, which the fix rebuilds: they go above its first statement.</summary>
    private IEnumerable<SyntaxTrivia> HeaderComments()
    {
        var loop = _loop.Loop;
        var body = LoopShape.BodyOf(loop);
        foreach (var trivia in loop.DescendantTrivia())
        {
            if (AwaitLoopWriter.IsComment(trivia) && trivia.SpanStart >= loop.SpanStart && trivia.Span.End <= body.SpanStart)
            {
                yield return trivia;
            }
        }
    }

    private static ElementAccessExpressionSyntax ElementAccess(ExpressionSyntax collection, ExpressionSyntax index)
        => ElementAccessExpression(collection, BracketedArgumentList(SingletonSeparatedList(Argument(index))));

    private static LocalDeclarationStatementSyntax Declare(string name, ExpressionSyntax value)
        => LocalDeclarationStatement(VariableDeclaration(
            IdentifierName("var"),
            SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(value)))));

    /// <summary><c>body</c> → <c>bodies</c>, <c>url</c> → <c>urls</c>, <c>box</c> → <c>boxes</c>: the name of many of them.</summary>
    internal static string Plural(string name)
    {
        var word = name.TrimStart('@', '_');
        if (word.Length == 0)
        {
            return "results";
        }

        if (word.Length > 1 && word.EndsWith("y", System.StringComparison.Ordinal) && "aeiou".IndexOf(word[word.Length - 2]) < 0)
        {
            return word.Substring(0, word.Length - 1) + "ies";
        }

        return word.EndsWith("s", System.StringComparison.Ordinal) || word.EndsWith("x", System.StringComparison.Ordinal)
               || word.EndsWith("ch", System.StringComparison.Ordinal) || word.EndsWith("sh", System.StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
    }
}
