using System.Threading;
using AwaitAnalyzers.Options;
using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// Where awaited operations are compared: the semantic model, the function body whose locals roots are followed through
/// (docs/design.md §3.2), the options of its tree (§5) and the cancellation of the analysis.
/// </summary>
internal sealed class FunctionScope
{
    public FunctionScope(SemanticModel semanticModel, SyntaxNode body, AwaitOptions options, CancellationToken cancellationToken)
    {
        SemanticModel = semanticModel;
        Body = body;
        Options = options;
        CancellationToken = cancellationToken;
    }

    public SemanticModel SemanticModel { get; }

    /// <summary>The body of the async function around the operations (a block itself when there is none).</summary>
    public SyntaxNode Body { get; }

    public AwaitOptions Options { get; }

    public CancellationToken CancellationToken { get; }
}
