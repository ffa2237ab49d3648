using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes.Rewriting;

/// <summary>
/// Writes the statements that replace an AWAIT001 group (docs/design.md §4), laid out like the code around them.
/// </summary>
internal sealed class AwaitGroupWriter
{
    private readonly AwaitGroup _group;
    private readonly NameSyntax _task;
    private readonly FreshNames _names;
    private readonly LanguageVersion _languageVersion;
    private readonly Layout _layout;

    public AwaitGroupWriter(AwaitGroup group, NameSyntax task, FreshNames names, LanguageVersion languageVersion)
    {
        _group = group;
        _task = task;
        _names = names;
        _languageVersion = languageVersion;
        _layout = Layout.At(group.Members[0].Statement);
    }

    private ImmutableArray<AwaitGroupMember> Members => _group.Members;

    /// <summary>
    /// Commands only: one <c>await Task.WhenAll(…);</c>. Otherwise each operation started into a task where its statement was,
    /// WhenAll, then the results, by tuple destructuring where there are several.
    /// </summary>
    public IReadOnlyList<StatementSyntax> TupleOfResults()
    {
        if (Members.All(m => !m.StoresResult) && !HasTriviaBetweenStatements())
        {
            var whenAll = ExpressionStatement(AwaitAll(Members.Select(Operation)));
            return EndLikeGroup(new List<StatementSyntax> { _layout.Line(whenAll, Members[0].Statement.GetLeadingTrivia(), Members[Members.Length - 1].Statement.GetTrailingTrivia()) });
        }

        var statements = new List<StatementSyntax>();
        var taskNames = new List<string>();
        foreach (var member in Members)
        {
            var name = _names.Take(member.PreferredTaskName);
            taskNames.Add(name);

            // The statement that starts the operation takes the comments and blank lines that were around its statement.
            statements.Add(_layout.Line(Declare(name, Operation(member)), _layout.StartingLine(member.Statement), member.Statement.GetTrailingTrivia()));
        }

        statements.Add(_layout.Line(ExpressionStatement(AwaitAll(taskNames.Select(n => (ExpressionSyntax)IdentifierName(n))))));

        var stored = Members.Select((member, index) => (member, task: taskNames[index])).Where(m => m.member.StoresResult).ToList();
        if (stored.Count <= 1 || !CanDestructure(stored.Select(m => m.member)) || MixesVarAndExplicitTypes(stored.Select(m => m.member)))
        {
            statements.AddRange(stored.Select(m => WithResult(m.member, Await(m.task))
                .WithLeadingTrivia(_layout.Indentation)
                .WithTrailingTrivia(_layout.EndOfLine)));
        }
        else
        {
            var targets = DestructuringTargets(stored.Select(m => m.member).ToList());
            var results = Layout.Wrappable(TupleExpression(SeparatedList(stored.Select(m => Argument(Await(m.task))))));
            statements.Add(_layout.Line(ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, targets, results))));
        }

        return EndLikeGroup(statements);
    }

    /// <summary><c>var results = await Task.WhenAll(…);</c> then each statement takes its element: <c>var a = results[0];</c>.</summary>
    public IReadOnlyList<StatementSyntax> ArrayOfResults()
    {
        var results = _names.Take("results");
        var statements = new List<StatementSyntax>
        {
            _layout.Line(Declare(results, AwaitAll(Members.Select(Operation))), Members[0].Statement.GetLeadingTrivia(), TriviaList(_layout.EndOfLine)),
        };

        for (var i = 0; i < Members.Length; i++)
        {
            var element = ElementAccessExpression(
                IdentifierName(results),
                BracketedArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(i))))));
            var original = Members[i].Statement;
            statements.Add(WithResult(Members[i], element)
                .WithLeadingTrivia(i == 0 ? _layout.Indentation : _layout.StartingLine(original))
                .WithTrailingTrivia(_layout.EndingLine(original.GetTrailingTrivia())));
        }

        return EndLikeGroup(statements);
    }

    /// <summary>What followed the group on its last line (<c>… ; return x;</c>) stays on the line of the last new statement.</summary>
    private List<StatementSyntax> EndLikeGroup(List<StatementSyntax> statements)
    {
        var trailing = Members[Members.Length - 1].Statement.GetTrailingTrivia();
        if (!trailing.Any(SyntaxKind.EndOfLineTrivia))
        {
            statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(trailing);
        }

        return statements;
    }

    /// <summary>
    /// True when a statement other than the first has comments or blank lines before it, or one other than the last has a
    /// comment after it: one WhenAll line would have no place for them.
    /// </summary>
    private bool HasTriviaBetweenStatements()
        => Members.Skip(1).Any(m => Layout.HasComment(m.Statement.GetLeadingTrivia()) || m.Statement.GetLeadingTrivia().Any(SyntaxKind.EndOfLineTrivia))
           || Members.Take(Members.Length - 1).Any(m => Layout.HasComment(m.Statement.GetTrailingTrivia()));

    /// <summary>
    /// True when some results are declared with <c>var</c> and others with their type: one tuple would mix the two styles
    /// (<c>(var a, Order[] b)</c>), so each result keeps its own declaration, as written.
    /// </summary>
    private static bool MixesVarAndExplicitTypes(IEnumerable<AwaitGroupMember> stored)
    {
        var declarations = stored.Where(m => m.Shape.Declaration is not null).ToList();
        return declarations.Any(m => m.Shape.Declaration!.Type.IsVar) && declarations.Any(m => !m.Shape.Declaration!.Type.IsVar);
    }

    /// <summary>Declarations mixed with assignments in one destructuring need C# 10; destructuring itself C# 7.</summary>
    private bool CanDestructure(IEnumerable<AwaitGroupMember> stored)
    {
        var kinds = stored.Select(m => m.Shape.Kind).Distinct().Count();
        return _languageVersion >= (kinds > 1 ? LanguageVersion.CSharp10 : LanguageVersion.CSharp7);
    }

    /// <summary><c>var (a, b)</c> when every result is declared with var; else <c>(var a, Order[] b)</c> or <c>(x, this.Y)</c>.</summary>
    private static ExpressionSyntax DestructuringTargets(IReadOnlyList<AwaitGroupMember> stored)
    {
        if (stored.All(m => m.Shape.Declaration is { Type.IsVar: true }))
        {
            var designations = stored.Select(m => (VariableDesignationSyntax)SingleVariableDesignation(m.Shape.Declarator!.Identifier.WithoutTrivia()));
            return DeclarationExpression(IdentifierName("var"), ParenthesizedVariableDesignation(SeparatedList(designations)));
        }

        return TupleExpression(SeparatedList(stored.Select(m => Argument(m.Shape.Declaration is { } declaration
            ? DeclarationExpression(Layout.Verbatim(declaration.Type), SingleVariableDesignation(m.Shape.Declarator!.Identifier.WithoutTrivia()))
            : Layout.Verbatim(m.Shape.AssignmentTarget!)))));
    }

    /// <summary>The original statement, declaration or assignment kept as written, storing <paramref name="value"/> instead.</summary>
    private static StatementSyntax WithResult(AwaitGroupMember member, ExpressionSyntax value)
        => member.Statement.ReplaceNode(member.Shape.Await, Layout.Tidy(value).WithTriviaFrom(member.Shape.Await));

    private static LocalDeclarationStatementSyntax Declare(string name, ExpressionSyntax value)
        => LocalDeclarationStatement(VariableDeclaration(
            IdentifierName("var"),
            SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(value)))));

    /// <summary>The operation as written, as a Task (docs/design.md §4: a ValueTask becomes a Task where it is started).</summary>
    private static ExpressionSyntax Operation(AwaitGroupMember member)
        => AwaitRewriting.AsTask(Layout.Verbatim(member.Shape.Invocation), member.IsValueTask);

    private AwaitExpressionSyntax AwaitAll(IEnumerable<ExpressionSyntax> tasks)
    {
        var whenAll = AwaitRewriting.WhenAll(_task, tasks);
        return AwaitRewriting.Await(whenAll.WithArgumentList(Layout.Wrappable(whenAll.ArgumentList)), ConfigureAwaitArgument());
    }

    private AwaitExpressionSyntax Await(string task) => AwaitRewriting.Await(IdentifierName(task), ConfigureAwaitArgument());

    private ArgumentSyntax? ConfigureAwaitArgument()
        => _group.ConfigureAwaitArgument is { } argument ? Layout.Verbatim(argument) : null;
}
