using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AwaitAnalyzers.CodeFixes.Rewriting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AwaitAnalyzers.CodeFixes;

/// <summary>
/// AWAIT001: starts a group's operations together with <c>Task.WhenAll</c> and keeps every result (DESIGN §4): tasks started in
/// the original order, then WhenAll, then the results by tuple destructuring; or, when all results share one type, an array.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IndependentAwaitsFixer))]
[Shared]
public sealed class IndependentAwaitsFixer : CodeFixProvider, IDocumentFix
{
    internal const string TupleKey = "AWAIT001.Tuple";
    internal const string ArrayKey = "AWAIT001.Array";

    private const string TupleTitle = "Start the awaits together with Task.WhenAll";
    private const string ArrayTitle = "Start the awaits together with Task.WhenAll into an array of results";
    private const string TasksNamespace = "System.Threading.Tasks";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IndependentAwaits);

    public override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var statements = Locate(root, diagnostic);
            var group = AwaitGroup.TryCreate(model, statements, context.CancellationToken);
            if (group is null)
            {
                continue;
            }

            context.RegisterCodeFix(Action(TupleTitle, TupleKey, document, statements), diagnostic);
            if (group.ResultsShareOneType)
            {
                context.RegisterCodeFix(Action(ArrayTitle, ArrayKey, document, statements), diagnostic);
            }
        }
    }

    ImmutableArray<SyntaxNode> IDocumentFix.Locate(SyntaxNode root, Diagnostic diagnostic) => Locate(root, diagnostic);

    Task<Document?> IDocumentFix.ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
        => ApplyAsync(document, nodes, equivalenceKey, cancellationToken);

    /// <summary>The group's statements: the first holds the diagnostic's await keyword, the others are its additional locations.</summary>
    private static ImmutableArray<SyntaxNode> Locate(SyntaxNode root, Diagnostic diagnostic)
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
        var first = diagnostic.Location.SourceSpan;
        if (!root.FullSpan.Contains(first)
            || root.FindToken(first.Start) is not { RawKind: (int)SyntaxKind.AwaitKeyword } awaitKeyword
            || awaitKeyword.Parent?.FirstAncestorOrSelf<StatementSyntax>() is not { } firstStatement)
        {
            return ImmutableArray<SyntaxNode>.Empty;
        }

        builder.Add(firstStatement);
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!root.FullSpan.Contains(location.SourceSpan)
                || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
            {
                return ImmutableArray<SyntaxNode>.Empty;
            }

            builder.Add(statement);
        }

        return builder.ToImmutable();
    }

    /// <summary>The document with the group rewritten by the action <paramref name="equivalenceKey"/>; null where it does not apply.</summary>
    private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<SyntaxNode> nodes, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var group = model is null ? null : AwaitGroup.TryCreate(model, nodes, cancellationToken);
        if (root is null || model is null || group is null)
        {
            return null;
        }

        var first = group.Members[0].Statement;
        var (task, needsUsing) = Imports.NameFor(model, first.SpanStart, group.Types.Task);
        var writer = new Writer(group, task, FreshNames.Around(model, first), LanguageVersionOf(root));
        var replacements = equivalenceKey == ArrayKey
            ? (group.ResultsShareOneType ? writer.ArrayOfResults() : null)
            : writer.TupleOfResults();
        var newRoot = replacements is null ? null : StatementLists.Replace(root, group.Statements, replacements);
        if (newRoot is null)
        {
            return null;
        }

        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = Imports.AddUsing(unit, TasksNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static CodeAction Action(string title, string key, Document document, ImmutableArray<SyntaxNode> statements)
        => CodeAction.Create(
            title,
            async cancellationToken => await ApplyAsync(document, statements, key, cancellationToken).ConfigureAwait(false) ?? document,
            key);

    private static LanguageVersion LanguageVersionOf(SyntaxNode root)
        => root.SyntaxTree.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.CSharp7_3;

    /// <summary>Writes the statements that replace one group.</summary>
    private sealed class Writer
    {
        private readonly AwaitGroup _group;
        private readonly NameSyntax _task;
        private readonly FreshNames _names;
        private readonly LanguageVersion _languageVersion;
        private readonly Layout _layout;

        public Writer(AwaitGroup group, NameSyntax task, FreshNames names, LanguageVersion languageVersion)
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
            if (stored.Count <= 1 || !CanDestructure(stored.Select(m => m.member)))
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

        /// <summary>The operation as written, as a Task (DESIGN §4: a ValueTask becomes a Task where it is started).</summary>
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
}
