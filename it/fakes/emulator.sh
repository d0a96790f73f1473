# Sourced (bash) by infra/sandbox/run and bench/provision-bench.sh: runs the GitHub emulator
# (it/github-emulator, built: target/classes and target/runtime.classpath) and points gh at it.
#
#   start_emulator STATE_DIR GH_CONFIG_DIR [EMULATOR OPTION...]
#
# starts it on a fresh socket with STATE_DIR as its state (state.json there seeds it; it logs to
# STATE_DIR/emulator.log), waits until it is ready, and writes GH_CONFIG_DIR (http_unix_socket and a
# token), for the real gh and gh-lite alike. Sets emulator_pid and emulator_java (the java it used,
# for GH_LITE_JAVA). stop_emulator stops it and removes its socket.

start_emulator() {
  local state=$1 config=$2
  shift 2
  local target
  target="$(cd "$(dirname "${BASH_SOURCE[0]}")/../github-emulator" && pwd)/target"
  [ -f "$target/runtime.classpath" ] || { echo "no build of the GitHub emulator in $target" >&2; return 1; }
  emulator_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  local classpath="$target/classes:$(cat "$target/runtime.classpath")"
  emulator_socket_dir=$(mktemp -d)   # short: a unix socket path may not exceed 107 bytes
  mkdir -p "$state"
  "$emulator_java" -cp "$classpath" dev.spectral.it.github.Main --socket "$emulator_socket_dir/gh.sock" \
      --state "$state" --idle-timeout-seconds 300 "$@" > "$state/emulator.log" 2>&1 &
  emulator_pid=$!
  local _
  for _ in $(seq 1 300); do grep -q ready "$state/emulator.log" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$state/emulator.log" || { cat "$state/emulator.log" >&2; stop_emulator; return 1; }
  "$emulator_java" -cp "$classpath" dev.spectral.it.github.GhConfig "$config" "$emulator_socket_dir/gh.sock" >/dev/null
}

stop_emulator() {
  if [ -n "${emulator_pid:-}" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    emulator_pid=
  fi
  [ -z "${emulator_socket_dir:-}" ] || rm -rf "$emulator_socket_dir"
}
