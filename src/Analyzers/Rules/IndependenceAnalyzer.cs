using AwaitAnalyzers.Independence;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Rules;

/// <summary>
/// What both rules share: skip generated code, run concurrently, and ask the one independence model of the compilation
/// (<see cref="IndependenceModels"/>) — the same instance for AWAIT001, AWAIT002 and their fixes.
/// </summary>
public abstract class IndependenceAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = IndependenceModels.For(start.Compilation);
            if (model is not null)
            {
                Register(start, model);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that has Task.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, IndependenceModel model);
}
