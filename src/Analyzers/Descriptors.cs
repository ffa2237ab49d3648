using Microsoft.CodeAnalysis;

namespace AwaitAnalyzers;

internal static class Descriptors
{
    private const string HelpLinkBase = "https://github.com/awaitanalyzers/AwaitAnalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor IndependentAwaits = new(
        id: DiagnosticIds.IndependentAwaits,
        title: "Independent awaits run one after another",
        messageFormat: "These {0} awaits do not depend on each other; start them together with Task.WhenAll",
        category: "Performance",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Consecutive awaits of operations that do not depend on each other wait for the sum of their durations. Starting them together and awaiting Task.WhenAll waits only for the slowest.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.IndependentAwaits + ".md");

    public static readonly DiagnosticDescriptor AwaitInLoop = new(
        id: DiagnosticIds.AwaitInLoop,
        title: "Await inside a loop over independent iterations",
        messageFormat: "Each iteration of this loop awaits an independent operation; start them together with Task.WhenAll",
        category: "Performance",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A loop whose iterations do not depend on each other but await one operation at a time waits for the sum of all durations. Starting every iteration's operation and awaiting Task.WhenAll waits only for the slowest.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.AwaitInLoop + ".md");

    public static readonly DiagnosticDescriptor ConcurrentResource = new(
        id: DiagnosticIds.ConcurrentResource,
        title: "Operations running at the same time share a non-thread-safe resource",
        messageFormat: "Operations running at the same time both reach one {0}: {1}; await them one after another",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A DbContext, a connection, a transaction, a stream, a reader or a writer serves one operation at a time. Operations started together (Task.WhenAll, tasks started before the previous one is awaited, Select with an async lambda, Parallel.ForEachAsync) that reach one such instance throw or interleave, often only under load.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.ConcurrentResource + ".md");
}
