using System.Threading.Tasks;
using AwaitAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = AwaitAnalyzers.Tests.Verification.CodeFixVerifier<AwaitAnalyzers.Rules.AwaitInLoopAnalyzer, AwaitAnalyzers.CodeFixes.Rules.AwaitInLoopFixer>;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// AWAIT002 fix in top-level programs (docs/design.md §3.6): statements there start at column 0, so no indentation
/// trivia precedes the loop; comments anywhere on its lines must still be kept, and neither action may throw.
/// </summary>
public class AwaitInLoopFixerTopLevelTests
{
    private const string Functions = """


        static async Task<int> SizeAsync(int id)
        {
            await Task.Delay(id);
            return id;
        }

        static Task SendAsync(int id) => Task.Delay(id);

        """;

    /// <summary>The program has one loop, marked <c>{|#0:foreach|}</c>, whose await is marked <c>{|#1:…|}</c>.</summary>
    private static Task VerifyTopLevelAsync(string source, string fixedSource, int codeActionIndex = 0)
    {
        var test = Verify.Create(source, fixedSource, codeActionIndex: codeActionIndex);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect.Loop(0, 1));
        return test.RunAsync();
    }

    [Fact]
    public async Task CommentAfterTheHeader_IsKeptAboveTheOrderPreservingFix()
    {
        await VerifyTopLevelAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            {|#0:foreach|} (var id in ids) // every size
            {
                var size = {|#1:await SizeAsync(id)|};
                Console.WriteLine($"item {id}: {size}");
            }
            """ + Functions,
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            // every size
            var sizes = await Task.WhenAll(ids.Select(id => SizeAsync(id)));
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                var size = sizes[i];
                Console.WriteLine($"item {id}: {size}");
            }
            """ + Functions);
    }

    [Fact]
    public async Task CommentAfterTheHeader_BoundedAction_IsKeptAboveTheStatement()
    {
        await VerifyTopLevelAsync(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            {|#0:foreach|} (var id in ids) // each id
                {|#1:await SendAsync(id)|};
            """ + Functions,
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            // each id
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) => await SendAsync(id));
            """ + Functions,
            codeActionIndex: 1);
    }

    [Fact]
    public async Task CommentsAfterTheBraces_AreKept()
    {
        await VerifyTopLevelAsync(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            {|#0:foreach|} (var id in ids)
            { // open
                {|#1:await SendAsync(id)|};
            } // close
            """ + Functions,
            """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            // open
            await Task.WhenAll(ids.Select(id => SendAsync(id))); // close
            """ + Functions);
    }

    [Fact]
    public async Task CommentsBetweenTheBodysStatements_StayInTheLambda()
    {
        await VerifyTopLevelAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            {|#0:foreach|} (var id in ids)
            {
                var next = id + 1;
                // then send
                {|#1:await SendAsync(next)|};
            }
            """ + Functions,
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            var ids = new List<int> { 4, 1, 3, 2 };
            await Task.WhenAll(ids.Select(async id =>
            {
                var next = id + 1;
                // then send
                await SendAsync(next);
            }));
            """ + Functions);
    }

    [Fact]
    public async Task LoopAtTheEndOfTheFile_WithATrailingComment_IsFixed()
    {
        await VerifyTopLevelAsync(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            static Task SendAsync(int id) => Task.Delay(id);

            var ids = new List<int> { 4, 1, 3, 2 };
            {|#0:foreach|} (var id in ids) /* all */ {|#1:await SendAsync(id)|}; // done
            """,
            """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static Task SendAsync(int id) => Task.Delay(id);

            var ids = new List<int> { 4, 1, 3, 2 };
            /* all */
            await Task.WhenAll(ids.Select(id => SendAsync(id))); // done
            """);
    }
}
