using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AwaitAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AwaitAnalyzers.Independence;

/// <summary>
/// docs/design.md §3.10: what a method in source may write, transitively through the calls in source it makes (to a
/// bounded depth): the state of its own instance, of the objects its parameters reach, static state, and the variables a
/// local function or lambda captures. A call whose target is not in source is judged by its name: a state-changing verb
/// on a receiver writes that receiver.
/// </summary>
internal sealed class EffectSummary
{
    public static readonly EffectSummary None = new(false, false, false, ImmutableArray<bool>.Empty, WaitKind.Anything);

    public EffectSummary(bool writesThis, bool writesStatic, bool writesCaptured, ImmutableArray<bool> writesParameter, WaitKind waits)
    {
        WritesThis = writesThis;
        WritesStatic = writesStatic;
        WritesCaptured = writesCaptured;
        WritesParameter = writesParameter;
        Waits = waits;
    }

    /// <summary>Assigns a field or property of its instance, or changes an object one of them holds.</summary>
    public bool WritesThis { get; }

    public bool WritesStatic { get; }

    /// <summary>A local function or lambda that assigns or changes a variable of the function around it.</summary>
    public bool WritesCaptured { get; }

    /// <summary>Per parameter ordinal: the method changes the object the argument refers to (or assigns a ref/out).</summary>
    public ImmutableArray<bool> WritesParameter { get; }

    /// <summary>
    /// docs/design.md §3.5: nothing of its own to wait for, so nothing to overlap: every path returns a completed task,
    /// or every await waits for a task the method was given (work its caller already started) or for a completed task
    /// (a callee in source that itself starts nothing).
    /// </summary>
    public bool StartsNothing => Waits == WaitKind.Nothing;

    /// <summary>The most its awaits (or the tasks it returns) wait on (docs/design.md §3.5).</summary>
    public WaitKind Waits { get; }

    public bool WritesArgument(int ordinal) => ordinal >= 0 && ordinal < WritesParameter.Length && WritesParameter[ordinal];
}

/// <summary>
/// docs/design.md §3.5: what a method waits on at most, in increasing order — nothing of its own (a completed task, a
/// task it was given), the local file system (<c>System.IO.File</c>'s asynchronous methods), the application's own code
/// whose body is not in view (another assembly of the solution, an abstraction implemented elsewhere, a call past the
/// depth bound: nothing says it waits at all), or anything else (a library's or the framework's I/O).
/// </summary>
internal enum WaitKind
{
    Nothing,
    LocalFiles,
    Unseen,
    Anything,
}

internal static class WaitKindExtensions
{
    /// <summary>The longer of two waits: what a method waiting on both waits on at most.</summary>
    public static WaitKind AndThen(this WaitKind first, WaitKind second) => second > first ? second : first;
}

/// <summary>What an expression that is written (or called with a writing method) is, at the base of its member chain.</summary>
internal enum WrittenBase
{
    /// <summary>A new object, a method's result, a local of the function itself: nobody else sees it.</summary>
    Own,
    This,
    Parameter,
    Static,
    Captured,
}
