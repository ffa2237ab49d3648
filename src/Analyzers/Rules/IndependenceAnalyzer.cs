using AwaitAnalyzers.Independence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Rules;

/// <summary>
/// What the rules share: skip generated code, run concurrently, and ask the one independence model of the compilation
/// (<see cref="IndependenceModels"/>) — the same instance for every rule and the fixes.
/// </summary>
public abstract class IndependenceAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => Register(start, new CompilationModel(start.Compilation)));
    }

    /// <summary>Registers the rule's actions; each asks for the model only once its syntactic screens have passed.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, CompilationModel model);
}

/// <summary>
/// The compilation's independence model, resolved when the first node that passes a rule's syntactic screen asks for it.
/// Resolving it looks up well-known types, and the first lookup of a compilation loads the namespaces of every referenced
/// assembly; asked at compilation start, that work the compiler does anyway for its own binding would run first, in our
/// analyzers' time (docs/design.md §6).
/// </summary>
internal sealed class CompilationModel
{
    private readonly Compilation _compilation;
    private IndependenceModel? _model;
    private volatile bool _resolved;

    public CompilationModel(Compilation compilation) => _compilation = compilation;

    /// <summary>The model; null when the compilation has no <c>Task</c> to await.</summary>
    public IndependenceModel? Value
    {
        get
        {
            if (!_resolved)
            {
                _model = IndependenceModels.For(_compilation);
                _resolved = true;
            }

            return _model;
        }
    }
}
