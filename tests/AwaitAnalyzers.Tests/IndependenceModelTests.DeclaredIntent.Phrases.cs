using AwaitAnalyzers.Independence;
using Xunit;

namespace AwaitAnalyzers.Tests;

/// <summary>
/// docs/design.md §3.11, the exact phrases: one comment per phrase of the rule, each of which must pass the cheap test of
/// word parts that runs before the pattern (a part missing from the list would hide the phrase), beside texts that
/// contain a part and still say nothing.
/// </summary>
public partial class IndependenceModelTests
{
    [Theory]
    [InlineData("// runs sequentially")]
    [InlineData("// Sequential on purpose")]
    [InlineData("// sent serially")]
    [InlineData("// keep them in serial")]
    [InlineData("// in sequence")]
    [InlineData("// in series")]
    [InlineData("// ONE AT A TIME")]
    [InlineData("// one by one")]
    [InlineData("// one after the other")]
    [InlineData("// one after other")]
    [InlineData("// two at a time")]
    [InlineData("// keep them in order")]
    [InlineData("// throttled by the host")]
    [InlineData("// rate-limited")]
    [InlineData("// ratelimit applies")]
    [InlineData("// concurrency limit of the pool")]
    [InlineData("// the concurrency level is one")]
    [InlineData("// limits concurrency")]
    [InlineData("// limit the concurrency")]
    [InlineData("// max parallelism is configured")]
    [InlineData("// maximum concurrency")]
    [InlineData("// degree of parallelism")]
    [InlineData("// the client is not thread-safe")]
    [InlineData("// a non-thread-safe client")]
    [InlineData("// it isn't threadsafe")]
    [InlineData("// not safe for concurrent use")]
    [InlineData("// do not parallelize")]
    [InlineData("// must not run these in parallel")]
    [InlineData("// never run them concurrently")]
    [InlineData("/// <summary>Only one request at a time.</summary>")]
    public void DeclaredIntent_EveryPhrase_PassesTheWordPartTest(string comment)
    {
        Assert.True(DeclaredIntent.IsSequentialText(comment));
    }

    [Theory]
    [InlineData("// in order to notify everyone")]
    [InlineData("// serialize each id")]
    [InlineData("// limit the page size")]
    [InlineData("// the thread pool runs them")]
    [InlineData("// run them in parallel")]
    public void DeclaredIntent_TextsWithAWordPartButNoPhrase_SayNothing(string comment)
    {
        Assert.False(DeclaredIntent.IsSequentialText(comment));
    }

    [Theory]
    [InlineData("MaxDegreeOfParallelism", true)]
    [InlineData("IsConcurrent", true)]
    [InlineData("UseSequentialMode", true)]
    [InlineData("SerialMode", true)]
    [InlineData("ThrottleRequests", true)]
    [InlineData("RateLimitEnabled", true)]
    [InlineData("OneAtATime", true)]
    [InlineData("Serializer", false)]
    [InlineData("MaxItems", false)]
    public void DeclaredIntent_SettingNames_AreThoseOfTheRule(string name, bool isSetting)
    {
        Assert.Equal(isSetting, DeclaredIntent.IsSettingName(name));
    }
}
