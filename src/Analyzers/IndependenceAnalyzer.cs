using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers;

/// <summary>
/// What both rules share: skip generated code, run concurrently, and ask one independence model per compilation —
/// the same instance for AWAIT001 and AWAIT002, so well-known types and resource facts are resolved once.
/// </summary>
public abstract class IndependenceAnalyzer : DiagnosticAnalyzer
{
    private static readonly ConditionalWeakTable<Compilation, IndependenceModel?> Models = new();

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = Models.GetValue(start.Compilation, IndependenceModel.Create);
            if (model is not null)
            {
                Register(start, model);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that has Task.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, IndependenceModel model);
}
