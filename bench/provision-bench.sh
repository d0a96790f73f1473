#!/usr/bin/env bash
# Benchmark of spectral:provision against the fake op (it/fakes/op) and the GitHub emulator
# (it/github-emulator), both with injected latency, driven by the real gh (gh-lite, it/fakes/gh,
# where gh is not installed).
#
#   bench/provision-bench.sh [N ...]        default: 10 100 300 keys in all
#
# Each run provisions N keys in all, spread over 3 GitHub Environments (N=300 is 100 keys x 3
# environments; half secrets, each in its own 1Password item, half variables) and prints the wall
# time of the Maven build, the number of op and gh invocations and of requests GitHub got.
# Latency: OP_FAKE_LATENCY_MS per op call (default 300), GH_LATENCY_MS per request the emulator
# answers (default 150; a gh call makes one request, `gh secret set` one more for the key and
# `-f` one per secret, all at once). State is kept under target/bench/.
# Needs the plugin and the emulator built: ./mvnw -B -q install -DskipTests -Dinvoker.skip
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
export OP_FAKE_LATENCY_MS=${OP_FAKE_LATENCY_MS:-300}
gh_latency=${GH_LATENCY_MS:-150}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 300)
. "$root/it/fakes/emulator.sh"
trap stop_emulator EXIT
if command -v gh >/dev/null; then gh_exec=gh; else gh_exec="$root/it/fakes/gh"; fi
unset GH_TOKEN GITHUB_TOKEN GH_ENTERPRISE_TOKEN GH_HOST GH_REPO

printf '%-6s %-6s %-10s %-8s %-8s %-9s %s\n' keys envs wall_s op_calls gh_calls requests "latency op/request ms"
for n in "${sizes[@]}"; do
  work="$root/target/bench/n$n"
  rm -rf "$work" && mkdir -p "$work"
  python3 "$root/bench/make-fixture.py" "$work" "$n" "$version" "$root/it/fakes"
  start_emulator "$work/github" "$work/gh-config" --latency-ms "$gh_latency"
  start=$(date +%s.%N)
  (cd "$work" && OP_FAKE_DIR=fake-op GH_CONFIG_DIR=gh-config GH_CALLS_LOG=gh-calls.log GH_LOGGING_EXEC="$gh_exec" \
      GH_LITE_JAVA="$emulator_java" "$root/mvnw" -B -q -f pom.xml \
      "dev.spectral:spectral-provision-maven-plugin:$version:provision" -Denv=production,staging,qa \
      > "$work/build.log" 2>&1) || { echo "provision failed for N=$n; see $work/build.log" >&2; exit 1; }
  end=$(date +%s.%N)
  stop_emulator
  printf '%-6s %-6s %-10.1f %-8s %-8s %-9s %s/%s\n' "$n" 3 "$(echo "$end - $start" | bc)" \
      "$(wc -l < "$work/fake-op/calls.log")" "$(wc -l < "$work/gh-calls.log")" "$(wc -l < "$work/github/requests.log")" \
      "$OP_FAKE_LATENCY_MS" "$gh_latency"
done
