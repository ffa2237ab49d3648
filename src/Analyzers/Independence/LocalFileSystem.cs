using System.Linq;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.5: calls that wait on the local file system and nothing else — <c>System.IO.File</c>'s asynchronous
/// methods, a <c>FileStream</c>'s own asynchronous members, and synchronous file-system work handed to the thread pool.
/// </summary>
internal static class LocalFileSystem
{
    /// <summary>The call waits on local files only.</summary>
    public static bool WaitsOnFilesOnly(IInvocationOperation call, WellKnownTypes types)
    {
        var method = call.TargetMethod;
        if (IsFileMethod(method))
        {
            return true;
        }

        // A stream opened on a path: reading, writing, flushing or copying into another file stream.
        if (!method.IsStatic && IsFileStream(call.Instance?.Type))
        {
            return method.Name != "CopyToAsync"
                   || (call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is { } destination
                       && IsFileStream(destination.WithoutConversions().Type));
        }

        return IsOffloadedFileWork(call, types);
    }

    /// <summary><c>System.IO.File.ReadAllTextAsync</c>, <c>WriteAllBytesAsync</c> and the rest.</summary>
    public static bool IsFileMethod(IMethodSymbol method)
        => method is { IsStatic: true, ContainingType: { Name: "File", ContainingType: null } type }
           && method.Name.EndsWith("Async", System.StringComparison.Ordinal)
           && IsSystemIO(type.ContainingNamespace);

    /// <summary><c>System.IO.FileStream</c> or a type derived from it.</summary>
    public static bool IsFileStream(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "FileStream", ContainingType: null } && IsSystemIO(current.ContainingNamespace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Task.Run(() => info.MoveTo(target))</c>: a synchronous lambda whose calls are the file system's (members of
    /// <c>System.IO</c>) or the application's own helpers, with at least one of the former.
    /// </summary>
    private static bool IsOffloadedFileWork(IInvocationOperation call, WellKnownTypes types)
    {
        if (call.TargetMethod is not { IsStatic: true, Name: "Run", ContainingType: { Name: "Task", ContainingType: null } task }
            || task.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks"
            || call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is not IDelegateCreationOperation
            {
                Target: IAnonymousFunctionOperation { Symbol.IsAsync: false } work,
            })
        {
            return false;
        }

        var touchesFiles = false;
        foreach (var operation in work.Body.Descendants())
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (operation is not IInvocationOperation { TargetMethod.ContainingType: { } type })
            {
                continue;
            }

            if (IsSystemIO(type.ContainingNamespace))
            {
                touchesFiles = true;
            }
            else if (!types.IsOwnCode(type))
            {
                return false;
            }
        }

        return touchesFiles;
    }

    private static bool IsSystemIO(INamespaceSymbol? ns)
        => ns is { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
