using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AwaitAnalyzers.Tests.Verification;

/// <summary>Compiles a second project to a reference assembly (no private members), as a project reference hands it to the build.</summary>
public static class ReferenceAssembly
{
    public static async Task<MetadataReference> CompileAsync(
        string source, ReferenceAssemblies? references = null, string name = "Services", IEnumerable<MetadataReference>? additional = null)
    {
        var resolved = (await (references ?? References.Net80).ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(additional ?? Enumerable.Empty<MetadataReference>());
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(PendingSource.Text("internal")) },
            resolved,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new EmitOptions(metadataOnly: true, includePrivateMembers: false));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
