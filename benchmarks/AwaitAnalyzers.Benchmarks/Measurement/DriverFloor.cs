using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AwaitAnalyzers.Benchmarks.Measurement;

/// <summary>
/// An analyzer that subscribes to every block, as AWAIT001 does, and does nothing: what running any analyzer through
/// the driver costs before the analyzer does any work of its own.
/// </summary>
internal static class DriverFloor
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static AnalyzerSet Create()
        => new("Empty analyzer (driver floor)", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyBlockAnalyzer()), ImmutableArray<AdditionalText>.Empty);

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyBlockAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.Block, SyntaxKind.SwitchSection, SyntaxKind.CompilationUnit);
        }
    }
}
