#!/usr/bin/env bash
# Builds the `release` preset, runs every benchmark and prints a short report: each figure is measured next
# to its baseline in the same process, with the ratio and the target. JSON results: build/release/bench-results/.
#
#   bench/run.sh                 build with the release preset (benchmarks only: the app and the Qt tests are
#                                not needed, and may be mid-edit), then run
#   LOCKSTEP_BENCH_FULL=1 bench/run.sh   build everything the release preset builds
#
# The machine is small (2 cores) and often shared with builds: figures are medians of interleaved
# iterations, but expect noise; run it on a quiet machine for numbers to compare.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${LOCKSTEP_BENCH_FULL:-0}" == 1 ]]; then
  configure_args=(-DLOCKSTEP_BUILD_APP=ON -DLOCKSTEP_BUILD_TESTS=ON)
else
  configure_args=(-DLOCKSTEP_BUILD_APP=OFF -DLOCKSTEP_BUILD_TESTS=OFF)
fi
cmake --preset release "${configure_args[@]}" > /dev/null
cmake --build --preset release

bin=build/release/bench
out=build/release/bench-results
if [[ ! -x $bin/lockstep_bench_engine ]]; then
  echo "bench/run.sh: $bin/lockstep_bench_engine was not built (is Google Benchmark installed?)" >&2
  exit 1
fi
mkdir -p "$out"

for name in engine memory timeline analysis asyncio process python runner; do
  echo "---- lockstep_bench_$name"
  # The console table and, after it, the summary; the summary part is kept for the report.
  "$bin/lockstep_bench_$name" --benchmark_out="$out/$name.json" --benchmark_out_format=json \
    --benchmark_color=false "$@" | tee "$out/$name.txt"
done

{
  echo
  echo "======================================================================================================"
  echo "Lockstep benchmark report  ($(date '+%Y-%m-%d %H:%M'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  sed -s -n '/^==== /,$p' "$out/engine.txt" "$out/memory.txt" "$out/timeline.txt" "$out/analysis.txt" "$out/asyncio.txt" "$out/process.txt" "$out/python.txt" "$out/runner.txt"
  echo
  echo "JSON: $out/{engine,memory,timeline,analysis,asyncio,process,python,runner}.json (console output: $out/{engine,memory,timeline,analysis,asyncio,process,python,runner}.txt)"
} | tee "$out/report.txt"
