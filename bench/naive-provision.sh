#!/usr/bin/env bash
# The naive baseline of bench/provision-bench.sh: what a hand-written script does, one call per
# key, in sequence, with no pacing and no retries.
#
#   bench/naive-provision.sh KEYS_TSV OWNER/REPO          (OP and GH name the executables; default op, gh)
#
# KEYS_TSV lines: ENV <tab> secret|variable <tab> NAME <tab> op://reference | literal value.
# A secret: `op read REF | gh secret set NAME --env ENV --repo REPO` (the value only ever on a pipe).
# A literal: `gh api --method POST repos/REPO/environments/ENV/variables --input -` with {"name","value"}.
# Tool output goes to stderr (never a value: op's output only goes into gh's stdin).
# Exit 0 when every key was set, 1 otherwise; the last line says how many failed.
set -uo pipefail
keys=$1 repo=$2
op=${OP:-op} gh=${GH:-gh}
failed=0 total=0
json_escape() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '%s' "$s"; }
while IFS=$'\t' read -r env kind name source; do
  total=$((total + 1))
  if [ "$kind" = secret ]; then
    "$op" read "$source" </dev/null | "$gh" secret set "$name" --env "$env" --repo "$repo" >&2 || {
      failed=$((failed + 1)); echo "naive: failed: $env/$name" >&2; }
  else
    printf '{"name":"%s","value":"%s"}' "$(json_escape "$name")" "$(json_escape "$source")" |
      "$gh" api --method POST "repos/$repo/environments/$env/variables" --input - >/dev/null || {
      failed=$((failed + 1)); echo "naive: failed: $env/$name" >&2; }
  fi
done < "$keys"
echo "naive: $failed of $total key(s) failed" >&2
[ "$failed" -eq 0 ]
