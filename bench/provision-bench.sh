#!/usr/bin/env bash
# Benchmark of spectral:provision against the fake op and gh (it/fakes) with injected latency.
#
#   bench/provision-bench.sh [N ...]        default: 10 100 300 keys per environment
#
# Each run provisions N keys in all, spread over 3 GitHub Environments (N=300 is 100 keys x 3
# environments; half secrets, each in its own 1Password item, half variables) and prints the wall time of the Maven build and the number of op and gh
# invocations. Latency per call: OP_FAKE_LATENCY_MS (default 300) and GH_FAKE_LATENCY_MS (default 150).
# State is kept under target/bench/. Needs the plugin installed: ./mvnw -q install -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
export OP_FAKE_LATENCY_MS=${OP_FAKE_LATENCY_MS:-300}
export GH_FAKE_LATENCY_MS=${GH_FAKE_LATENCY_MS:-150}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 300)

printf '%-6s %-6s %-10s %-8s %-8s %s\n' keys envs wall_s op_calls gh_calls "latency op/gh ms"
for n in "${sizes[@]}"; do
  work="$root/target/bench/n$n"
  rm -rf "$work" && mkdir -p "$work"
  python3 "$root/bench/make-fixture.py" "$work" "$n" "$version" "$root/it/fakes"
  start=$(date +%s.%N)
  (cd "$work" && OP_FAKE_DIR=fake-op GH_FAKE_DIR=fake-gh "$root/mvnw" -B -q -f pom.xml \
      "dev.spectral:spectral-provision-maven-plugin:$version:provision" -Denv=production,staging,qa \
      > "$work/build.log" 2>&1) || { echo "provision failed for N=$n; see $work/build.log" >&2; exit 1; }
  end=$(date +%s.%N)
  op_calls=$(wc -l < "$work/fake-op/calls.log")
  gh_calls=$(wc -l < "$work/fake-gh/calls.log")
  printf '%-6s %-6s %-10.1f %-8s %-8s %s/%s\n' "$n" 3 "$(echo "$end - $start" | bc)" "$op_calls" "$gh_calls" \
      "$OP_FAKE_LATENCY_MS" "$GH_FAKE_LATENCY_MS"
done
