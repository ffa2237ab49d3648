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
}
