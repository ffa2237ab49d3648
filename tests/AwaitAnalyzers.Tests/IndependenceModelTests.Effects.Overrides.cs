using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.10 What callees write, for virtual calls and primary constructors: a virtual method writes and waits on what its own body or any
/// override in source does; <c>base.M()</c> runs the one body; a primary constructor's parameter is the instance's state.
/// </summary>
public partial class IndependenceModelTests
{
    /// <summary>A visitor whose base methods only wait; a subclass writes one buffer, in order, per node.</summary>
    private const string Visitor = """

using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
public class Node { public string Text { get; set; } = ""; }
public abstract class NodeVisitor
{
    protected virtual Task VisitTextAsync(Node node) => Pending.Done();
    public async Task VisitAsync(Node node) => await VisitTextAsync(node);
    public async Task VisitAllAsync(IEnumerable<Node> nodes)
    {
        foreach (var node in nodes)
            await VisitAsync(node);
    }
}

""";

    [Fact]
    public async Task LoopOverAVisitorWhoseOverrideWritesItsBuffer_IsSilent()
    {
        await VerifyLoopAsync(Visitor + """

public class TextVisitor(StringBuilder buffer) : NodeVisitor
{
    protected override async Task VisitTextAsync(Node node)
    {
        await Pending.Done();
        buffer.Append(node.Text);
    }
}

""");
    }

    [Fact]
    public async Task LoopOverAVisitorWhoseOverridesOnlyRead_IsReported()
    {
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Node { public string Text { get; set; } = ""; }
public abstract class NodeVisitor
{
    protected virtual Task VisitTextAsync(Node node) => Task.CompletedTask;
    public async Task VisitAsync(Node node) => await VisitTextAsync(node);
    public async Task VisitAllAsync(IEnumerable<Node> nodes)
    {
        {|#0:foreach|} (var node in nodes)
            {|#1:await VisitAsync(node)|};
    }
}
public class CountingVisitor : NodeVisitor
{
    protected override async Task VisitTextAsync(Node node) => await Pending.Result(node.Text.Length);
}

""", null, Expect.Loop(0, 1));
    }

    [Fact]
    public async Task OverrideThatCallsItsBaseAndWritesNothing_IsReported()
    {
        // base.AppendTextAsync runs the base body alone, which writes nothing: the override is not a cycle judged by its name.
        await VerifyLoopAsync("""

using System.Collections.Generic;
using System.Threading.Tasks;
public class Node { public string Text { get; set; } = ""; }
public class NodeVisitor
{
    protected virtual Task<int> AppendTextAsync(Node node) => Pending.Result(node.Text.Length);
    public async Task VisitAllAsync(IEnumerable<Node> nodes)
    {
        {|#0:foreach|} (var node in nodes)
            {|#1:await AppendTextAsync(node)|};
    }
}
public class LoggingVisitor : NodeVisitor
{
    protected override async Task<int> AppendTextAsync(Node node)
    {
        var length = await base.AppendTextAsync(node);
        await Pending.Done();
        return length;
    }
}

""", null, Expect.Loop(0, 1));
    }

    [Fact]
    public async Task GroupOfVirtualCallsWhoseBaseCompletesAtOnceButAnOverrideWaits_IsReported()
    {
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public class Source
{
    public virtual Task<int> CountAsync(int id) => Task.FromResult(id);
}
public class RemoteSource : Source
{
    public override async Task<int> CountAsync(int id) => await Pending.Result(id);
}
public class Caller(Source source)
{
    public async Task<int> RunAsync()
    {
        var a = {|#0:await|} source.CountAsync(1);
        {|#1:var b = await source.CountAsync(2);|}
        return a + b;
    }
}

""", Expect.Group(0, 1));
    }

    [Fact]
    public async Task GroupOfVirtualCallsWithNoOverrideThatWaits_IsSilent()
    {
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public class Source
{
    public virtual Task<int> CountAsync(int id) => Task.FromResult(id);
}
public class CachedSource : Source
{
    public override Task<int> CountAsync(int id) => Task.FromResult(id + 1);
}
public class Caller(Source source)
{
    public async Task<int> RunAsync()
    {
        var a = await source.CountAsync(1);
        var b = await source.CountAsync(2);
        return a + b;
    }
}

""");
    }

    [Fact]
    public async Task LoopCallingACalleeThatWritesItsPrimaryConstructorParameter_IsSilent()
    {
        // A primary constructor's parameter read in a member is the instance's state, like a field.
        await VerifyLoopAsync("""

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
public class Lookup(Dictionary<int, string> cache)
{
    public async Task<string> FindAsync(int id)
    {
        var name = await Pending.Result(id.ToString());
        cache[id] = name;
        return name;
    }
}
public class Caller(Lookup lookup)
{
    public async Task RunAsync(int[] ids)
    {
        foreach (var id in ids)
        {
            var name = await lookup.FindAsync(id);
            Console.WriteLine(name);
        }
    }
}

""");
    }

    [Fact]
    public async Task AbstractMemberWhoseOnlySubclassFailsToOverrideIt_IsSilentWithoutRecursingForever()
    {
        // Code being typed: the one concrete subclass does not override the abstract member yet (CS0534), so the member found
        // for it is the abstract member itself. It is not read again (that recursed until the stack overflowed); with no body
        // to read, the calls are judged by name and neither shows a wait.
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public abstract class Source { public abstract Task<int> CountAsync(string name); }
public sealed class {|CS0534:RemoteSource|} : Source { }
public class Caller(Source source)
{
    public async Task<int> RunAsync()
    {
        var a = await source.CountAsync("a");
        var b = await source.CountAsync("b");
        return a + b;
    }
}

""");
    }

    [Fact]
    public async Task AbstractMemberReachedThroughAnAbstractClassThatDoesNotOverrideIt_IsReadThroughTheConcreteOverride()
    {
        // Only concrete classes are implementations: the abstract class between them, which does not override the member, is
        // passed over, and the concrete override, which only reads, decides.
        await VerifyGroupAsync("""

using System.Threading.Tasks;
public abstract class Source { public abstract Task<int> CountAsync(string name); }
public abstract class CachedSource : Source { }
public sealed class RemoteSource : CachedSource
{
    public override async Task<int> CountAsync(string name) => await Pending.Result(name.Length);
}
public class Caller(Source source)
{
    public async Task<int> RunAsync()
    {
        var a = {|#0:await|} source.CountAsync("a");
        {|#1:var b = await source.CountAsync("b");|}
        return a + b;
    }
}

""", Expect.Group(0, 1));
    }
}
