#!/usr/bin/env bash
# Benchmark of spectral:provision against GitHub's documented REST limits: the REAL gh (2.23 from
# Debian) talks to the GitHub REST emulator (it/github-emulator) and the plugin reads 1Password
# through the fake op (it/fakes/op).
#
#   bench/provision-bench.sh [--build] [KEYS_PER_ENV]        KEYS_PER_ENV: default 100, 2..200
#
# Environments production, staging and preview get KEYS_PER_ENV keys each: half secrets (each its
# own 1Password item), half literals (GitHub variables); GitHub allows 100 of each per environment.
# Three runs, printed side by side:
#   cold   spectral:provision -Denv=production,staging,preview on a fresh emulator, plugin defaults
#          (it paces itself: 30 requests in flight, 900 points a minute per endpoint)
#   warm   the same command again, nothing changed: it must write nothing
#   naive  bench/naive-provision.sh on another fresh emulator: per key, in sequence, `op read REF |
#          gh secret set NAME --env E --repo R`, or `gh api --method POST .../variables --input -`
# Every emulator runs with --limits (100 in flight, 900 points a minute per endpoint, a write costs
# 5 points) and --latency-ms BENCH_GH_LATENCY_MS (default 150); the fake op sleeps
# OP_FAKE_LATENCY_MS (default 300) per call. Then it prints the floor GitHub's points allow for the
# cold run (start-up, measured as the warm run, plus the minutes writes must wait for the points
# window to slide) and the ratios cold/floor and naive/warm.
#
# Prerequisite: the plugin and the emulator built and installed in the local Maven repository:
#   ./mvnw -B -q install -DskipTests -Dinvoker.skip          (or pass --build to do that first)
# Environment:
#   BENCH_MVN_ARGS  added to every mvnw call, e.g. "-o -Dmaven.repo.local=/tmp/m2/repository"
#                   (MAVEN_OPTS is passed through as usual)
#   BENCH_GH        the real gh (default /usr/bin/gh);  BENCH_NAIVE=0 skips the naive run
#   BENCH_TAG       suffix of the output folder, to keep runs apart (target/bench/k100-TAG)
# Needs java, python3, bc and /usr/bin/time.
#
# Everything goes under target/bench/k<KEYS_PER_ENV>/: the fixture (project/, keys.tsv, and
# expected.json with the synthetic values, mode 0600), and per run (cold/, warm/, naive/):
# build.log (Maven) or naive.log, report.json (the plugin's), gh-calls.log (start time and
# argv[1..2] of every gh call; never stdin), requests.log (the emulator's, this run's lines),
# limits.json (the emulator's counters, cumulative), cpu (user and system seconds, children
# included). The emulators' state.json holds plaintext values (synthetic); no value is printed.
# Exit code: 1 when the cold or warm run failed, a key failed, a value is not exact or the warm
# run wrote anything; the ratios are printed, not checked: wall times depend on what else the
# machine runs (the table shows the load average at the start of each run, and CPU seconds,
# which depend much less on it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=false
if [ "${1:-}" = --build ]; then build=true; shift; fi
keys=${1:-100}
[[ $keys =~ ^[0-9]+$ ]] || { echo "usage: $0 [--build] [KEYS_PER_ENV]" >&2; exit 2; }
read -r -a mvn_args <<< "${BENCH_MVN_ARGS:-}"
real_gh=${BENCH_GH:-/usr/bin/gh}
latency=${BENCH_GH_LATENCY_MS:-150}
export OP_FAKE_LATENCY_MS=${OP_FAKE_LATENCY_MS:-300}
points_per_minute=900
repo=acme/app
envs=production,staging,preview
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
out="$root/target/bench/k$keys${BENCH_TAG:+-$BENCH_TAG}"
stats() { python3 "$root/bench/bench-stats.py" "$@"; }
unset GH_TOKEN GITHUB_TOKEN GH_ENTERPRISE_TOKEN GH_HOST GH_REPO GH_DEBUG

if $build; then
  echo "building and installing the plugin and the emulator ..." >&2
  "$root/mvnw" -B -q "${mvn_args[@]}" -f "$root/pom.xml" install -DskipTests -Dinvoker.skip
fi
[ -d "$root/it/github-emulator/target/classes" ] || {
  echo "the emulator is not built: run ./mvnw -B -q install -DskipTests -Dinvoker.skip (or pass --build)" >&2; exit 1; }
[ -x "$real_gh" ] || { echo "no gh at $real_gh (apt-get install gh, or set BENCH_GH)" >&2; exit 1; }

rm -rf "$out" && mkdir -p "$out"
classpath_file="$root/target/bench/emulator.classpath"
stale_classpath() {   # missing, or naming a jar that is not there (another local repository)
  [ -s "$classpath_file" ] || return 0
  local jar
  for jar in $(tr ':' ' ' < "$classpath_file"); do [ -e "$jar" ] || return 0; done
  return 1
}
if $build || stale_classpath; then
  "$root/mvnw" -B -q "${mvn_args[@]}" -f "$root/it/github-emulator/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" > "$out/classpath.log" 2>&1 ||
    { echo "could not resolve the emulator's classpath; see $out/classpath.log" >&2; exit 1; }
fi
classpath="$root/it/github-emulator/target/classes:$(cat "$classpath_file")"
python3 "$root/bench/make-fixture.py" "$out" "$keys" "$version" "$repo"

socket_root="$out"
[ ${#out} -lt 80 ] || socket_root=$(mktemp -d)   # a unix socket path may not exceed 107 bytes
emulators=()
cleanup() {
  local pid
  for pid in "${emulators[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${emulators[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "$socket_root" = "$out" ] || rm -rf "$socket_root"
}
trap cleanup EXIT

# start_emulator NAME: a fresh emulator with GitHub's limits, seeded with the 3 environments;
# its gh config in $out/NAME/gh-config.
start_emulator() {
  local name=$1 dir="$out/$1" socket="$socket_root/$1.sock"
  mkdir -p "$dir/github"
  cp "$out/github-seed.json" "$dir/github/state.json"
  java -cp "$classpath" dev.spectral.it.github.Main --socket "$socket" --state "$dir/github" \
      --idle-timeout-seconds 1800 --limits --latency-ms "$latency" > "$dir/emulator.log" 2>&1 &
  emulators+=($!)
  for _ in $(seq 1 300); do grep -q ready "$dir/emulator.log" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$dir/emulator.log" || { cat "$dir/emulator.log" >&2; exit 1; }
  java -cp "$classpath" dev.spectral.it.github.GhConfig "$dir/gh-config" "$socket" > /dev/null
}

# gh_wrapper RUN: a gh that appends its start time and argv[1..2] (never more of argv, never stdin)
# to RUN/gh-calls.log, then execs the real gh.
gh_wrapper() {
  local dir="$out/$1"
  mkdir -p "$dir"
  : > "$dir/gh-calls.log"
  {
    echo '#!/bin/bash'
    printf 'printf '"'"'%%s %%s %%s\\n'"'"' "$EPOCHREALTIME" "$1" "$2" >> '"'"'%s'"'"'\n' "$dir/gh-calls.log"
    printf 'exec '"'"'%s'"'"' "$@"\n' "$real_gh"
  } > "$dir/gh"
  chmod +x "$dir/gh"
}

now() { date +%s.%N; }
declare -A wall rc failed op_calls gh_calls http writes write_requests throttled secret_puts variable_writes values \
    cpu goal load split header

# measure RUN EMULATOR_RUN OP_DIR: counters for RUN from the logs, counting from the marks taken before it.
measure() {
  local run=$1 emu="$out/$2/github" opdir=$3 r
  sleep 0.6   # limits.json is rewritten every 250 ms
  op_calls[$run]=$(stats lines "$opdir/calls.log" "${op_mark[$run]}")
  gh_calls[$run]=$(wc -l < "$out/$run/gh-calls.log")
  read -r http[$run] writes[$run] write_requests[$run] throttled[$run] secret_puts[$run] variable_writes[$run] \
      <<< "$(stats requests "$emu/requests.log" "${req_mark[$run]}")"
  values[$run]=$(stats compare "$out/expected.json" "$emu/state.json" "$repo")
  cp "$emu/limits.json" "$out/$run/limits.json" 2>/dev/null || true
  r=$(wc -l < "$emu/requests.log" 2>/dev/null || echo 0)
  sed -n "${req_mark[$run]},${r}p" "$emu/requests.log" > "$out/$run/requests.log" 2>/dev/null || true
}
declare -A op_mark req_mark
next_line() { [ -f "$1" ] && echo $(( $(wc -l < "$1") + 1 )) || echo 1; }

# --- cold and warm: the plugin -------------------------------------------------------------
mkdir -p "$out/op"
cp "$out/op-vault.json" "$out/op/vault.json"
start_emulator cold
provision() {   # provision RUN
  local run=$1 start end
  gh_wrapper "$run"
  op_mark[$run]=$(next_line "$out/op/calls.log")
  req_mark[$run]=$(next_line "$out/cold/github/requests.log")
  load[$run]=$(cut -d' ' -f1 /proc/loadavg)
  start=$(now)
  set +e
  (cd "$out/project" && OP_FAKE_DIR="$out/op" GH_CONFIG_DIR="$out/cold/gh-config" \
      /usr/bin/time -f '%U %S' -o "$out/$run/cpu" "$root/mvnw" -B "${mvn_args[@]}" \
      -f "$out/project/pom.xml" "dev.spectral:spectral-provision-maven-plugin:$version:provision" -Denv="$envs" \
      -Dspectral.op="$root/it/fakes/op" -Dspectral.gh="$out/$run/gh" -Dspectral.repo="$repo" \
      > "$out/$run/build.log" 2>&1)
  rc[$run]=$?
  set -e
  end=$(now)
  wall[$run]=$(echo "$end - $start" | bc)
  cp "$out/project/target/spectral/provision-report.json" "$out/$run/report.json" 2>/dev/null || true
  failed[$run]=$(stats failed "$out/$run/report.json")
  goal[$run]=$(sed -n 's/.*Provisioned .* in \([0-9]*\) ms.*/\1/p' "$out/$run/build.log" | awk '{printf "%.1f", $1 / 1000}')
  measure "$run" cold "$out/op"
}
echo "cold: provisioning $((keys * 3)) keys ($keys per environment x 3) ..." >&2
provision cold
echo "warm: the same again ..." >&2
provision warm

# --- naive: one call per key, in sequence --------------------------------------------------
runs=(cold warm naive)
if [ "${BENCH_NAIVE:-1}" = 0 ]; then
  runs=(cold warm)
else
  echo "naive: one op read + one gh call per key, in sequence ..." >&2
  mkdir -p "$out/naive/op"
  cp "$out/op-vault.json" "$out/naive/op/vault.json"
  start_emulator naive
  gh_wrapper naive
  op_mark[naive]=1 req_mark[naive]=1
  load[naive]=$(cut -d' ' -f1 /proc/loadavg)
  start=$(now)
  set +e
  OP_FAKE_DIR="$out/naive/op" GH_CONFIG_DIR="$out/naive/gh-config" OP="$root/it/fakes/op" GH="$out/naive/gh" \
      /usr/bin/time -f '%U %S' -o "$out/naive/cpu" "$root/bench/naive-provision.sh" "$out/keys.tsv" "$repo" \
      > "$out/naive/naive.log" 2>&1
  rc[naive]=$?
  set -e
  end=$(now)
  wall[naive]=$(echo "$end - $start" | bc)
  failed[naive]=$(sed -n 's/^naive: \([0-9]*\) of .*/\1/p' "$out/naive/naive.log" | tail -n 1)
  goal[naive]=-
  measure naive naive "$out/naive/op"
fi

# --- the table -------------------------------------------------------------------------------
row() {   # row LABEL ARRAY [FORMAT]: one value per run
  local label=$1 run line
  local -n values_of=$2
  line=$(printf '%-32s' "$label")
  for run in "${runs[@]}"; do
    line+=$(printf ' %15s' "$(printf "${3:-%s}" "${values_of[$run]:--}")")
  done
  echo "$line"
}
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
for run in "${runs[@]}"; do
  cpu[$run]=$(tail -n 1 "$out/$run/cpu" | awk '{printf "%.1f", $1 + $2}')
  split[$run]="${secret_puts[$run]}/${variable_writes[$run]}"
  header[$run]=$run
done
echo
echo "spectral:provision benchmark: $keys keys per environment x 3 ($((keys / 2)) secrets + $((keys - keys / 2)) variables each)"
echo "GitHub: emulator --limits (100 in flight, $points_per_minute points/min per endpoint, write = 5 points)" \
     "--latency-ms $latency, driven by the real $("$real_gh" --version | head -n 1 | cut -d' ' -f1-3);" \
     "1Password: fake op, ${OP_FAKE_LATENCY_MS} ms per call; $(nproc) CPUs"
row "" header
row "wall seconds" wall %.1f
row "  of which the goal (plugin log)" goal
row "CPU seconds (user+sys, children)" cpu
row "load average at start" load
row "exit code" rc
row "keys failed" failed
row "op invocations" op_calls
row "gh invocations" gh_calls
row "HTTP requests to GitHub" http
row "writes done (2xx)" writes
row "  secret PUTs / variable writes" split
row "write requests sent" write_requests
row "requests throttled" throttled
for run in "${runs[@]}"; do printf '%-32s %s\n' "values in GitHub after $run" "${values[$run]}"; done
# The floor: GitHub lets each endpoint take 900 points a minute; writes beyond the first minute's
# points wait for the window to slide. Start-up (Maven, op, checking and listing the environments)
# is what the warm run costs, since it does everything but write.
wait_s=$(stats floor "${secret_puts[cold]}" "${variable_writes[cold]}" "$points_per_minute")
floor=$(echo "${wall[warm]} + $wait_s" | bc)
echo
printf 'floor for cold: %.1f s = start-up %.1f s (the warm run) + %d s waiting for points: %d secret writes x 5 = %d points,' \
    "$floor" "${wall[warm]}" "$wait_s" "${secret_puts[cold]}" "$((secret_puts[cold] * 5))"
printf ' %d variable writes x 5 = %d points, %d a minute per endpoint\n' "${variable_writes[cold]}" \
    "$((variable_writes[cold] * 5))" "$points_per_minute"
line="cold / floor: $(ratio "${wall[cold]}" "$floor")x"
if [ -n "${wall[naive]:-}" ]; then
  line+="    naive / warm: $(ratio "${wall[naive]}" "${wall[warm]}")x    naive / cold: $(ratio "${wall[naive]}" "${wall[cold]}")x"
fi
echo "$line"
echo "logs: $out/{$(IFS=,; echo "${runs[*]}")}/ (build.log, report.json, gh-calls.log, requests.log, limits.json, cpu)"
# Correctness decides the exit code; the ratios depend on the machine's load and are only printed.
problems=()
[ "${rc[cold]}" = 0 ] || problems+=("cold exited ${rc[cold]}")
[ "${failed[cold]}" = 0 ] || problems+=("cold: ${failed[cold]} key(s) failed")
[ "${values[cold]}" = exact ] || problems+=("cold: values not exact")
[ "${rc[warm]}" = 0 ] || problems+=("warm exited ${rc[warm]}")
[ "${write_requests[warm]}" = 0 ] || problems+=("warm sent ${write_requests[warm]} write(s)")
[ "${values[warm]}" = exact ] || problems+=("warm: values not exact")
if [ ${#problems[@]} -gt 0 ]; then
  echo "FAILED: $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
  exit 1
fi
echo "ok: cold exit 0, no key failed, every value exact; warm wrote nothing"
