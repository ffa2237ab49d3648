using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using AwaitAnalyzers.Benchmarks.Measurement;

namespace AwaitAnalyzers.Benchmarks.RealCodeBase;

/// <summary>One analyzer package as a build gets it: the DLLs of its analyzer folder, the additional files its props add.</summary>
internal sealed record InjectedPackage(string Name, bool Ours, ImmutableArray<string> AnalyzerFiles, ImmutableArray<string> AdditionalFiles)
{
    /// <summary>The assembly names the compiler's /reportanalyzer summary shows for this package.</summary>
    public ImmutableArray<string> AssemblyNames { get; } = AnalyzerFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToImmutableArray();
}

/// <summary>
/// The analyzers put into someone else's build without touching its tree: a .targets file in the work directory, passed as
/// <c>CustomBeforeMicrosoftCommonTargets</c>, that adds <c>Analyzer</c> items for our staged DLLs and the peers' package folders
/// (when <c>AwaitBenchInject=true</c>), removes the project's own copies of those packages in every configuration (so each
/// analyzer runs once, and the reference build has none of them), sends each compilation's diagnostics to a SARIF file in the
/// work directory, and (for the editor) records each Csc command line and the source generators' output.
/// </summary>
internal sealed class Injection
{
    private Injection(string targetsFile, ImmutableArray<InjectedPackage> packages, Version? compiler)
    {
        TargetsFile = targetsFile;
        Packages = packages;
        Compiler = compiler;
    }

    public string TargetsFile { get; }

    public ImmutableArray<InjectedPackage> Packages { get; }

    /// <summary>The SDK compiler's Roslyn version (Meziantou's analyzer folder is chosen by it).</summary>
    public Version? Compiler { get; }

    public static Injection Prepare(WorkDirectory work, string? ownFolder)
    {
        // Our analyzers as the package ships them (analyzers/dotnet/cs: the rules and the fixers), staged in the work
        // directory so that a rebuild of src/ while the builds run cannot change what they load.
        var own = work.Folder("analyzers", "AwaitAnalyzers");
        var ownFiles = new[] { "AwaitAnalyzers.dll", "AwaitAnalyzers.CodeFixes.dll" }
            .Select(f =>
            {
                var staged = Path.Combine(own, f);
                File.Copy(Path.Combine(ownFolder ?? AppContext.BaseDirectory, f), staged, overwrite: true);
                return staged;
            })
            .ToImmutableArray();
        var version = System.Reflection.AssemblyName.GetAssemblyName(ownFiles[0]).Version?.ToString(3);

        var compiler = DotnetCli.SdkCompilerVersion(work.Root);
        var meziantou = PeerAnalyzers.MeziantouFolder(compiler ?? new Version(99, 0));
        var packages = ImmutableArray.Create(
            new InjectedPackage($"AwaitAnalyzers {version}", true, ownFiles, ImmutableArray<string>.Empty),
            new InjectedPackage(PeerAnalyzers.AsyncFixerName, false, Dlls(PeerAnalyzers.AsyncFixerFolder()), ImmutableArray<string>.Empty),
            new InjectedPackage(PeerAnalyzers.VsThreadingName, false, Dlls(PeerAnalyzers.VsThreadingFolder()), PeerAnalyzers.VsThreadingAdditionalFiles().ToImmutableArray()),
            new InjectedPackage(PeerAnalyzers.MeziantouName, false, Dlls(meziantou), ImmutableArray<string>.Empty));

        var targets = work.Combine("AwaitBench.Inject.targets");
        File.WriteAllText(targets, TargetsText(packages));
        return new Injection(targets, packages, compiler);
    }

    /// <summary>The global properties of a build: one node, ReportAnalyzer on, warnings never fatal, our targets file.</summary>
    public IEnumerable<string> BuildProperties(bool inject, string sarifFolder, string? captureFolder, bool sharedCompilation, string configuration)
    {
        yield return $"-p:Configuration={configuration}";
        yield return "-p:ReportAnalyzer=true";
        yield return "-p:TreatWarningsAsErrors=false";
        yield return "-p:WarningsAsErrors=";
        yield return "-p:CodeAnalysisTreatWarningsAsErrors=false";
        yield return "-p:MSBuildTreatWarningsAsErrors=false";
        yield return $"-p:UseSharedCompilation={(sharedCompilation ? "true" : "false")}";
        yield return $"-p:CustomBeforeMicrosoftCommonTargets={TargetsFile}";
        yield return $"-p:AwaitBenchInject={(inject ? "true" : "false")}";
        yield return $"-p:AwaitBenchSarifDir={sarifFolder}";
        if (captureFolder is not null)
        {
            yield return $"-p:AwaitBenchCaptureDir={captureFolder}";
        }
    }

    private static ImmutableArray<string> Dlls(string folder)
        => Directory.EnumerateFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray();

    private static string TargetsText(ImmutableArray<InjectedPackage> packages)
    {
        var all = packages.SelectMany(p => p.AnalyzerFiles).ToList();
        var names = all.Select(Path.GetFileName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var text = new StringBuilder();
        text.AppendLine("<Project>");
        text.AppendLine("  <!-- Written by AwaitAnalyzers.Benchmarks for its real-build and editor modes; imported through CustomBeforeMicrosoftCommonTargets. -->");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine("    <_AwaitBenchId>$(MSBuildProjectName).$(TargetFramework).$([System.Guid]::NewGuid().ToString('N'))</_AwaitBenchId>");
        text.AppendLine("    <ErrorLog Condition=\"'$(AwaitBenchSarifDir)' != ''\">$(AwaitBenchSarifDir)/$(_AwaitBenchId).sarif,version=2.1</ErrorLog>");
        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <PropertyGroup Condition=\"'$(AwaitBenchCaptureDir)' != ''\">");
        text.AppendLine("    <_AwaitBenchCapture>$(AwaitBenchCaptureDir)/$(_AwaitBenchId)</_AwaitBenchCapture>");
        text.AppendLine("    <ProvideCommandLineArgs>true</ProvideCommandLineArgs>");
        text.AppendLine("    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>");
        text.AppendLine("    <CompilerGeneratedFilesOutputPath>$(_AwaitBenchCapture)/generated</CompilerGeneratedFilesOutputPath>");
        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup Condition=\"'$(AwaitBenchInject)' == 'true'\">");
        foreach (var file in all)
        {
            text.AppendLine($"    <Analyzer Include=\"{Xml(file)}\" />");
        }

        foreach (var file in packages.SelectMany(p => p.AdditionalFiles))
        {
            text.AppendLine($"    <AdditionalFiles Include=\"{Xml(file)}\" Visible=\"false\" />");
        }

        text.AppendLine("  </ItemGroup>");
        text.AppendLine("  <Target Name=\"AwaitBenchOneCopyOfEach\" BeforeTargets=\"CoreCompile\">");
        text.AppendLine("    <ItemGroup>");
        foreach (var file in all)
        {
            text.AppendLine($"      <_AwaitBenchInjected Include=\"{Xml(file)}\" />");
        }

        var condition = string.Join(" or ", names.Select(n => $"'%(Filename)%(Extension)' == '{Xml(n!)}'"));
        text.AppendLine($"      <_AwaitBenchOwnCopy Include=\"@(Analyzer)\" Condition=\"{condition}\" />");
        text.AppendLine("      <_AwaitBenchOwnCopy Remove=\"@(_AwaitBenchInjected)\" />");
        text.AppendLine("      <Analyzer Remove=\"@(_AwaitBenchOwnCopy)\" />");
        text.AppendLine("    </ItemGroup>");
        text.AppendLine("    <Message Importance=\"high\" Condition=\"'@(_AwaitBenchOwnCopy)' != ''\" Text=\"AwaitBench: $(MSBuildProjectName) ($(TargetFramework)): removed the project's own @(_AwaitBenchOwnCopy->'%(Filename)', ', ')\" />");
        text.AppendLine("  </Target>");
        text.AppendLine("  <Target Name=\"AwaitBenchCapture\" AfterTargets=\"CoreCompile\" Condition=\"'$(AwaitBenchCaptureDir)' != '' and '$(Language)' == 'C#'\">");
        text.AppendLine("    <WriteLinesToFile File=\"$(_AwaitBenchCapture)/csc.rsp\" Lines=\"@(CscCommandLineArgs)\" Overwrite=\"true\" />");
        text.AppendLine("    <WriteLinesToFile File=\"$(_AwaitBenchCapture)/project.txt\" Lines=\"$(MSBuildProjectFullPath);$(MSBuildProjectDirectory);$(TargetFramework)\" Overwrite=\"true\" />");
        text.AppendLine("  </Target>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    private static string Xml(string value) => SecurityElement.Escape(value) ?? value;
}
