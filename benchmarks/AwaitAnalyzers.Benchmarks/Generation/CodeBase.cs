using System;
using System.Collections.Generic;
using System.Linq;

namespace AwaitAnalyzers.Benchmarks.Generation;

/// <summary>A generated code base: its files (path and text) and what the rules should find in it.</summary>
internal sealed class CodeBase
{
    public CodeBase(IReadOnlyList<(string Path, string Text)> files, Census census)
    {
        Files = files;
        Census = census;
    }

    public IReadOnlyList<(string Path, string Text)> Files { get; }

    public Census Census { get; }

    /// <summary>
    /// A realistic service code base: <paramref name="modules"/> modules of six files each (about 60 async methods a module),
    /// deterministic for a seed.
    /// </summary>
    public static CodeBase Generate(int modules, int seed)
    {
        var random = new Random(seed);
        var census = new Census();
        var all = CreateModules(modules, random);
        var files = SharedFilesOf(all);
        foreach (var m in all)
        {
            var folder = $"{m.Area}/{m.Entity}/";
            files.Add((folder + m.Entity + ".cs", ModuleFiles.Models(m)));
            files.Add((folder + m.Entity + "Repository.cs", ModuleFiles.Repository(m)));
            files.Add((folder + m.Entity + "Client.cs", ModuleFiles.Client(m)));
            files.Add((folder + m.Entity + "Service.cs", ModuleFiles.Service(m, random, drawn: 15, census)));
            files.Add((folder + m.Entity + "Controller.cs", ModuleFiles.Controller(m, random, actions: 12, census)));
            files.Add((folder + m.Entity + "Worker.cs", ModuleFiles.Worker(m, random, methods: 10, census)));
        }

        return new CodeBase(files, census);
    }

    /// <summary>A small code base (a few modules' models and clients) with <paramref name="sites"/> AWAIT001 sites, ten a file.</summary>
    public static CodeBase GenerateFixAllTarget(int sites, int seed)
    {
        const int SitesPerFile = 10;
        var random = new Random(seed);
        var all = CreateModules(4, random);
        var files = SharedFilesOf(all);
        foreach (var m in all)
        {
            var folder = $"{m.Area}/{m.Entity}/";
            files.Add((folder + m.Entity + ".cs", ModuleFiles.Models(m)));
            files.Add((folder + m.Entity + "Repository.cs", ModuleFiles.Repository(m)));
            files.Add((folder + m.Entity + "Client.cs", ModuleFiles.Client(m)));
        }

        var census = new Census();
        for (var index = 0; index * SitesPerFile < sites; index++)
        {
            var methods = Math.Min(SitesPerFile, sites - index * SitesPerFile);
            var m = all[index % all.Count];
            files.Add(($"Dashboards/Dashboard{index}.cs", ModuleFiles.FixAllTarget(m, index, random, methods)));
            census.Add(Expectation.Await001, methods);
        }

        return new CodeBase(files, census);
    }

    private static List<Module> CreateModules(int count, Random random)
        => Enumerable.Range(0, count).Select(i => new Module(i, count, usesPrimaryConstructors: random.Next(3) == 0)).ToList();

    private static List<(string Path, string Text)> SharedFilesOf(IReadOnlyList<Module> modules) => new()
    {
        ("obj/GlobalUsings.g.cs", SharedFiles.ImplicitUsings),
        ("Usings.cs", SharedFiles.ProjectUsings(System.Math.Min(modules.Count, Module.AreaCount))),
        ("Infrastructure/Infrastructure.cs", SharedFiles.Infrastructure),
        ("Data/AppDbContext.cs", SharedFiles.DbContext(modules)),
    };
}
