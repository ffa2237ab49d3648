using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Fix All for AWAIT001 at project scope, as an IDE runs it: the fixer's own FixAllProvider on a project of an
/// AdhocWorkspace, given the analyzer's diagnostics. The result is compiled and analyzed again to check it.
/// </summary>
internal static class FixAllRunner
{
    private const string RuleId = "AWAIT001";

    /// <summary>Null when the AWAIT001 fixer is in this build, else why Fix All cannot be measured.</summary>
    public static string? Availability() => FindFixer() is null ? $"this build has no code fix provider for {RuleId} yet" : null;

    public static async Task<FixAllResult> RunAsync(Workload workload, AnalyzerSet own)
    {
        var fixer = FindFixer() ?? throw new InvalidOperationException(Availability());
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, workload);
        var analyzers = own.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == RuleId)).ToImmutableArray();

        var diagnose = Stopwatch.StartNew();
        var diagnostics = await AnalyzeAsync(project, analyzers).ConfigureAwait(false);
        diagnose.Stop();

        if (diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"{RuleId} reported no site in the Fix All code base.");
        }

        var first = diagnostics[0];
        var document = project.GetDocument(first.Location.SourceTree) ?? throw new InvalidOperationException("The first site has no document.");
        var equivalenceKey = await FirstEquivalenceKeyAsync(fixer, document, first).ConfigureAwait(false);
        var provider = fixer.GetFixAllProvider() ?? throw new InvalidOperationException($"The {RuleId} fixer has no Fix All.");

        var fixAll = Stopwatch.StartNew();
        var context = new FixAllContext(document, fixer, FixAllScope.Project, equivalenceKey, new[] { RuleId }, new KnownDiagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAsync(context).ConfigureAwait(false) ?? throw new InvalidOperationException("Fix All offered no action.");
        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedProject = fixedSolution.GetProject(project.Id)!;
        foreach (var changed in fixedProject.GetChanges(project).GetChangedDocuments())
        {
            await fixedProject.GetDocument(changed)!.GetTextAsync().ConfigureAwait(false);
        }

        fixAll.Stop();

        var fixedCompilation = (await fixedProject.GetCompilationAsync().ConfigureAwait(false))!;
        var errors = fixedCompilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var left = (await AnalyzeAsync(fixedProject, analyzers).ConfigureAwait(false)).Length;
        var documents = diagnostics.Select(d => d.Location.SourceTree).Distinct().Count();
        return new FixAllResult(workload.CodeBase.Census.Count(Generation.Expectation.Await001), documents, diagnostics.Length, diagnose.Elapsed, fixAll.Elapsed, left, errors);
    }

    private static CodeFixProvider? FindFixer()
        => System.Reflection.Assembly.Load("AwaitAnalyzers.CodeFixes").GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .FirstOrDefault(f => f.FixableDiagnosticIds.Contains(RuleId));

    private static Project CreateProject(AdhocWorkspace workspace, Workload workload)
    {
        var id = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            id,
            VersionStamp.Create(),
            "Contoso.Dashboards",
            "Contoso.Dashboards",
            LanguageNames.CSharp,
            compilationOptions: Workload.CompilationOptions,
            parseOptions: Workload.ParseOptions,
            metadataReferences: workload.References));
        foreach (var (path, text) in workload.CodeBase.Files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: "/generated/" + path);
        }

        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("The workspace refused the project.");
        }

        return workspace.CurrentSolution.GetProject(id)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return diagnostics.Where(d => d.Id == RuleId).ToImmutableArray();
    }

    /// <summary>The key of the fixer's first action (the tuple form), which Fix All applies everywhere.</summary>
    private static async Task<string?> FirstEquivalenceKeyAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.Count > 0 ? actions[0].EquivalenceKey : throw new InvalidOperationException("The fixer offered nothing for the first site.");
    }

    /// <summary>Hands Fix All the diagnostics computed once beforehand, as the IDE's diagnostic service does.</summary>
    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ILookup<SyntaxTree?, Diagnostic> _byTree;
        private readonly ImmutableArray<Diagnostic> _all;

        public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            _all = diagnostics;
            _byTree = diagnostics.ToLookup(d => d.Location.SourceTree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => _byTree[await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false)];

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_all);
    }
}
