using System.Collections.Generic;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Loops;

/// <summary>
/// The local each identifier of a loop body names, read once from the body's operation tree (already bound and cached):
/// a GetSymbolInfo per identifier costs a binder lookup each, and was most of AWAIT002's time.
/// </summary>
internal sealed class LocalReferences
{
    private readonly Dictionary<SyntaxNode, ILocalSymbol> _locals = new();

    public LocalReferences(IOperation body)
    {
        foreach (var operation in body.SelfAndDescendants())
        {
            if (operation is ILocalReferenceOperation { Syntax: IdentifierNameSyntax name } reference)
            {
                _locals[name] = reference.Local;
            }
        }
    }

    /// <summary>The local an identifier of the body names; null for anything else (a field, a parameter, a type, a member name).</summary>
    public ILocalSymbol? Of(SyntaxNode identifier) => _locals.TryGetValue(identifier, out var local) ? local : null;
}
