#!/usr/bin/env bash
# The whole AwaitAnalyzers story on samples/Showcase, as a user gets the package:
#   pack the package into a local feed → install it into a copy of the sample through a PackageReference →
#   build (the AWAIT001/AWAIT002/AWAIT003 warnings) → run → apply the fixes with `dotnet format analyzers` → show the diff →
#   build again → run again → compare the outputs and the elapsed times.
#
# Usage: scripts/showcase.sh [ARTIFACTS_DIR]
#   ARTIFACTS_DIR (or $SHOWCASE_ARTIFACTS; default artifacts/showcase) receives every log, output and timing;
#   tests/AwaitAnalyzers.EndToEnd runs this script and asserts on them.
#   $SHOWCASE_RUNS (default 3): how many times each version is run; the best time of each is compared.
#   $SHOWCASE_KEEP_WORK=1 keeps the temporary copy of the sample.
# The tracked sample is never modified: all the work happens on a copy in a temporary directory.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
artifacts=${1:-${SHOWCASE_ARTIFACTS:-$repo/artifacts/showcase}}
runs=${SHOWCASE_RUNS:-3}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build servers or reused nodes: nothing outlives the script (a test waiting on it would hang on them).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

mkdir -p "$artifacts"
artifacts=$(cd "$artifacts" && pwd)
(cd "$artifacts" && rm -f ./*.log ./*.txt ./*.diff ./*.exit ./*.csproj ./*.nupkg)

# Outside the repository, so none of its Directory.Build.* or .editorconfig files reach the sample.
work=$(mktemp -d "${TMPDIR:-/tmp}/awaitanalyzers-showcase.XXXXXX")
cleanup() {
    if [[ "${SHOWCASE_KEEP_WORK:-0}" == 1 ]]; then
        echo "(work directory kept: $work)"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

if [[ -t 1 ]]; then bold=$'\e[1m'; red=$'\e[31m'; green=$'\e[32m'; plain=$'\e[0m'; else bold= red= green= plain=; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
fail() { printf '%sFAILED: %s%s\n' "$red" "$*" "$plain" >&2; exit 1; }

# Prints the build's warnings and errors once each, with paths relative to the project.
show_diagnostics() {
    grep -E ': (warning|error) [A-Z]+[0-9]+:' "$1" \
        | sed -E -e 's# \[[^]]*\]$##' -e "s#^.*/Showcase/##" \
        | sort -u \
        || true
}

elapsed_ms() { sed -n -E 's/^Elapsed: ([0-9]+) ms$/\1/p' "$1"; }

sdk_version=$(dotnet --version)
sdk_dir=$(dotnet --list-sdks | sed -n -E "s/^${sdk_version//./\\.} \[(.*)\]$/\1/p")/$sdk_version
compiler=$(dotnet exec "$sdk_dir/Roslyn/bincore/csc.dll" -version 2>/dev/null || echo unknown)
printf 'sdk=%s\ncompiler=%s\n' "$sdk_version" "$compiler" > "$artifacts/environment.txt"

# A version of its own for every run, so no NuGet cache can serve an older build of the package.
version="0.1.0-showcase.$(date -u +%Y%m%d%H%M%S).$$"
echo "$version" > "$artifacts/version.txt"

step "1/7 Pack AwaitAnalyzers $version into a local feed (SDK $sdk_version, compiler $compiler)"
feed="$work/feed"
if ! dotnet pack "$repo/src/Package/AwaitAnalyzers.Package.csproj" -c Release -nologo -tl:off -v:q \
        --artifacts-path "$work/build" -o "$feed" -p:Version="$version" > "$artifacts/pack.log" 2>&1; then
    cat "$artifacts/pack.log"
    fail "dotnet pack (log: $artifacts/pack.log)"
fi
ls "$feed"
cp "$feed"/*.nupkg "$artifacts/"

step "2/7 Copy samples/Showcase and add the package through a PackageReference"
sample="$work/Showcase"
cp -R "$repo/samples/Showcase" "$sample"
rm -rf "$sample/bin" "$sample/obj"
# A stand-alone project, as on a user's machine: no inherited build settings, only the local feed.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
EOF
# A private global packages folder: the run leaves nothing behind in the user's NuGet cache.
export NUGET_PACKAGES="$work/packages"
if ! dotnet add "$sample/Showcase.csproj" package AwaitAnalyzers --version "$version" > "$artifacts/add-package.log" 2>&1; then
    cat "$artifacts/add-package.log"
    fail "dotnet add package (log: $artifacts/add-package.log)"
fi
cp "$sample/Showcase.csproj" "$artifacts/Showcase.csproj"
grep -A3 'PackageReference' "$sample/Showcase.csproj"
cp -R "$sample" "$work/before"

build() { # $1 = before|after
    local status=0
    dotnet build "$sample/Showcase.csproj" -c Release -nologo -tl:off -v:q --no-incremental \
        > "$artifacts/build-$1.log" 2>&1 || status=$?
    echo "$status" > "$artifacts/build-$1.exit"
    show_diagnostics "$artifacts/build-$1.log"
    if [[ $status -ne 0 ]]; then fail "the $1 build (log: $artifacts/build-$1.log)"; fi
    rm -rf "$work/bin-$1"
    cp -R "$sample/bin/Release/net10.0" "$work/bin-$1"
}

step "3/7 Build: the analyzer's warnings"
build before
printf '%s AWAIT diagnostic(s)\n' "$(show_diagnostics "$artifacts/build-before.log" | grep -c ' AWAIT' || true)"

step "4/7 Apply the fixes: dotnet format analyzers --diagnostics AWAIT001 AWAIT002 AWAIT003 --severity warn"
status=0
dotnet format analyzers "$sample/Showcase.csproj" --diagnostics AWAIT001 AWAIT002 AWAIT003 --severity warn -v diag \
    > "$artifacts/format.log" 2>&1 || status=$?
echo "$status" > "$artifacts/format.exit"
# dotnet format exits 0 even when it cannot apply a fix: its "Unable to fix" / "Failed to apply" lines say so.
grep -E 'Unable to fix|Failed to apply|error' "$artifacts/format.log" || echo "dotnet format applied the fixes (log: $artifacts/format.log)"
if [[ $status -ne 0 ]]; then fail "dotnet format (log: $artifacts/format.log)"; fi

step "5/7 The diff"
(cd "$work" && diff -ru --exclude=bin --exclude=obj before Showcase > "$artifacts/fix.diff") || true
if [[ -s "$artifacts/fix.diff" ]]; then
    if [[ -t 1 ]]; then
        sed -E -e "s/^(\+[^+].*|\+)$/$green&$plain/" -e "s/^(-[^-].*|-)$/$red&$plain/" "$artifacts/fix.diff"
    else
        cat "$artifacts/fix.diff"
    fi
else
    echo "(no change)"
fi

step "6/7 Build the fixed sample: no AWAIT warnings left"
build after
printf '%s AWAIT diagnostic(s)\n' "$(show_diagnostics "$artifacts/build-after.log" | grep -c ' AWAIT' || true)"

step "7/7 Run both versions ($runs times each, alternating; the best time of each counts)"
for ((i = 1; i <= runs; i++)); do
    for version_name in before after; do
        out="$artifacts/output-$version_name.$i.txt"
        if ! dotnet "$work/bin-$version_name/Showcase.dll" > "$out" 2>&1; then
            cat "$out"
            fail "the $version_name program (output: $out)"
        fi
        printf '  run %d %-6s %5s ms\n' "$i" "$version_name" "$(elapsed_ms "$out")"
    done
done
cp "$artifacts/output-before.1.txt" "$artifacts/output-before.txt"
cp "$artifacts/output-after.1.txt" "$artifacts/output-after.txt"

best() { for ((i = 1; i <= runs; i++)); do elapsed_ms "$artifacts/output-$1.$i.txt"; done | sort -n | head -1; }
before_ms=$(best before)
after_ms=$(best after)
ratio=$(awk -v b="$before_ms" -v a="$after_ms" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
printf 'before_ms=%s\nafter_ms=%s\nratio=%s\nruns=%s\n' "$before_ms" "$after_ms" "$ratio" "$runs" > "$artifacts/timings.txt"

printf '\n%sBefore the fix:%s\n' "$bold" "$plain"
cat "$artifacts/output-before.txt"
printf '\n%sAfter the fix:%s\n' "$bold" "$plain"
cat "$artifacts/output-after.txt"

printf '\n%sSummary%s\n' "$bold" "$plain"
if diff <(grep -v '^Elapsed:' "$artifacts/output-before.txt") <(grep -v '^Elapsed:' "$artifacts/output-after.txt") > "$artifacts/output.diff"; then
    echo "  output:  identical apart from the elapsed time"
else
    echo "  output:  ${red}DIFFERENT${plain} (see $artifacts/output.diff)"
fi
echo "  warnings before the fix: $(show_diagnostics "$artifacts/build-before.log" | grep -c ' AWAIT' || true), after: $(show_diagnostics "$artifacts/build-after.log" | grep -c ' AWAIT' || true)"
echo "  elapsed: ${before_ms} ms before, ${after_ms} ms after: ${bold}${ratio}x faster${plain}"
echo "  artifacts: $artifacts"
