#!/usr/bin/env bash
# Self-test for the fake `op`: exercises every command and switch against a temp dir. Exits
# non-zero on any mismatch. Usage: it/fakes/selftest.sh [-v]
# (gh has no fake: the tests drive the real gh, or gh-lite, against the GitHub emulator, whose
# own tests are in it/github-emulator.)
set -u
shopt -s lastpipe

HERE=$(cd "$(dirname "$0")" && pwd)
OP="$HERE/op"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
VERBOSE=${1:-}
PASSED=0
FAILED=0

ok()  { PASSED=$((PASSED + 1)); [ "$VERBOSE" = "-v" ] && echo "ok   $1"; return 0; }
bad() {
  FAILED=$((FAILED + 1)); echo "FAIL $1"
  echo "  rc=$RC"; echo "  stdout: $(head -c 600 "$T/out")"; echo "  stderr: $(head -c 600 "$T/err")"
}

# run CMD...: stdin from the caller; stdout -> $T/out, stderr -> $T/err, exit code -> RC
run() { "$@" >"$T/out" 2>"$T/err"; RC=$?; }
# run with empty (closed) stdin
run0() { "$@" </dev/null >"$T/out" 2>"$T/err"; RC=$?; }

expect_rc()     { if [ "$RC" = "$2" ]; then ok "$1"; else bad "$1 (want rc $2)"; fi; }
# byte-exact stdout / stderr
expect_out()    { if printf '%s' "$2" | cmp -s - "$T/out"; then ok "$1"; else bad "$1 (stdout mismatch)"; fi; }
expect_err()    { if printf '%s' "$2" | cmp -s - "$T/err"; then ok "$1"; else bad "$1 (stderr mismatch)"; fi; }
err_has()       { if grep -qF -- "$2" "$T/err"; then ok "$1"; else bad "$1 (stderr lacks: $2)"; fi; }
out_has()       { if grep -qF -- "$2" "$T/out"; then ok "$1"; else bad "$1 (stdout lacks: $2)"; fi; }
out_lacks()     { if grep -qF -- "$2" "$T/out"; then bad "$1 (stdout has: $2)"; else ok "$1"; fi; }
# op error line format: [ERROR] YYYY/MM/DD HH:MM:SS <message>
op_err()        {
  if grep -qE '^\[ERROR\] [0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} ' "$T/err" \
     && grep -qF -- "$2" "$T/err" && [ "$RC" = 1 ]; then ok "$1"; else bad "$1 (want op error: $2)"; fi
}
# pycheck NAME EXPR: EXPR is Python over out (str), j (stdout JSON), docs (concatenated JSON
# documents on stdout), vault, log (list of calls.log entries)
pycheck() {
  if python3 - "$T" "$2" <<'PY'
import json, os, sys
T, expr, logdir = sys.argv[1], sys.argv[2], "op"
def load(p):
    try:
        with open(p, encoding="utf-8") as f:
            return json.load(f)
    except Exception:
        return None
with open(os.path.join(T, "out"), "rb") as f:
    out = f.read().decode("utf-8")
try:
    j = json.loads(out)
except Exception:
    j = None
docs, pos, dec = [], 0, json.JSONDecoder()
try:
    while pos < len(out):
        doc, pos = dec.raw_decode(out, pos)
        docs.append(doc)
except Exception:
    docs = None
vault = load(os.path.join(T, "op", "vault.json"))
log = []
if os.path.exists(os.path.join(T, logdir, "calls.log")):
    with open(os.path.join(T, logdir, "calls.log"), encoding="utf-8") as f:
        log = [json.loads(line) for line in f]
sys.exit(0 if eval(expr) else 1)
PY
  then ok "$1"; else bad "$1 (python check: $2)"; fi
}

# A value exercising everything that must survive byte-exact.
VALUE=$'line1\n"quoted" \'single\' $HOME ${X} {{ op://Spectral/x/y }} \\n ünïcødé ✓\n\n'

###################################################################################### op
mkdir -p "$T/op"
export OP_FAKE_DIR="$T/op"
VALUE="$VALUE" python3 - "$T/op/vault.json" <<'PY'
import json, os, sys
value = os.environ["VALUE"]
doc = {"vaults": [
  {"id": "vlt1", "name": "Spectral", "items": [
    {"id": "itm1abc", "title": "cloudflare", "category": "API_CREDENTIAL", "version": 3,
     "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-02-01T00:00:00Z",
     "fields": [
       {"id": "credential", "type": "CONCEALED", "purpose": "", "label": "api-token", "value": value,
        "section": {"id": "sec1", "label": "extra"}},
       {"id": "username", "type": "STRING", "purpose": "USERNAME", "label": "user", "value": "bot"},
       {"id": "pw", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password", "value": "hunter2-secret"},
       {"id": "otpfield", "type": "OTP", "purpose": "", "label": "one-time", "value": "otpauth://totp/x?secret=ABC"}]},
    {"id": "itm2def", "title": "plain", "category": "PASSWORD", "version": 1,
     "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
     "fields": [{"id": "password", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password",
                 "value": "pl41n-v4lue"}]}]},
  {"id": "vlt2", "name": "Other", "items": []}]}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
PY

# environment / state dir
( unset OP_FAKE_DIR; run0 "$OP" --version; echo "$RC" >"$T/rc" ); RC=$(cat "$T/rc")
expect_rc "op: missing OP_FAKE_DIR exits 3" 3
err_has "op: missing OP_FAKE_DIR says so" "OP_FAKE_DIR"
OP_FAKE_DIR="$T/nope" run0 "$OP" --version
expect_rc "op: OP_FAKE_DIR not a directory exits 3" 3
( cd "$T" && OP_FAKE_DIR=op run0 "$OP" read op://Spectral/plain/password; echo "$RC" >"$T/rc" ); RC=$(cat "$T/rc")
expect_out "op: relative OP_FAKE_DIR resolves against cwd" $'pl41n-v4lue\n'

# --version, whoami
run0 "$OP" --version;                         expect_out "op --version default" $'2.30.3\n'
OP_FAKE_VERSION=2.31.0 run0 "$OP" --version;  expect_out "op --version OP_FAKE_VERSION" $'2.31.0\n'
run0 "$OP" whoami;                            expect_rc "op whoami" 0; out_has "op whoami account line" "User Type"
run0 "$OP" whoami --format json;              pycheck "op whoami json" 'j["user_type"] == "SERVICE_ACCOUNT"'

# signed out
touch "$T/op/signed-out"
run0 "$OP" whoami;                            op_err "op whoami signed out" "account is not signed in"
run0 "$OP" read op://Spectral/plain/password; op_err "op read signed out" "account is not signed in"
run0 "$OP" item list --vault Spectral --format json; op_err "op item list signed out" "account is not signed in"
run0 "$OP" --version;                         expect_rc "op --version while signed out" 0
rm "$T/op/signed-out"

# read: byte-exact, -n, names/ids, case-insensitivity, sections
run0 "$OP" read op://Spectral/cloudflare/extra/api-token
expect_out "op read value + newline (byte-exact)" "$VALUE"$'\n'
run0 "$OP" read -n op://Spectral/cloudflare/extra/api-token;    expect_out "op read -n" "$VALUE"
run0 "$OP" read --no-newline op://spectral/CLOUDFLARE/API-TOKEN; expect_out "op read --no-newline, case-insensitive, no section" "$VALUE"
run0 "$OP" read -n op://vlt1/itm1abc/sec1/credential;             expect_out "op read by ids" "$VALUE"
run0 "$OP" read -n "op://Spectral/cloudflare/user";               expect_out "op read plain field" "bot"
run0 "$OP" read -n "op://Spectral/cloudflare/extra/user"
op_err "op read field in wrong section" "could not find field user on item cloudflare in vault Spectral"
run0 "$OP" read op://Nope/cloudflare/user;   op_err "op read unknown vault" '"Nope" isn'"'"'t a vault in this account'
run0 "$OP" read op://Spectral/nope/user;     op_err "op read unknown item" '"nope" isn'"'"'t an item in the "Spectral" vault'
run0 "$OP" read op://Spectral/cloudflare/zzz; op_err "op read unknown field" "could not find field zzz on item cloudflare in vault Spectral"
OP_FAKE_VERSION=2.26.0 run0 "$OP" read op://Spectral/cloudflare/zzz
op_err "op read unknown field, pre-2.27 wording" "could not find field or file zzz on item cloudflare in vault Spectral"
run0 "$OP" read op://Spectral/cloudflare;     op_err "op read malformed reference" "invalid secret reference"
run0 "$OP" read 'op://Spectral/cloud$flare/user'; op_err "op read reference with bad characters" "invalid secret reference"
run0 "$OP" read -o "$T/x" op://Spectral/plain/password; op_err "op read -o rejected" "out-file"
run0 "$OP" read --out-file="$T/x" op://Spectral/plain/password; op_err "op read --out-file rejected" "out-file"
[ ! -e "$T/x" ] && ok "op read -o wrote nothing" || bad "op read -o wrote nothing"

# attributes
run0 "$OP" read -n "op://Spectral/cloudflare/password?attribute=type";    expect_out "attribute=type" "CONCEALED"
run0 "$OP" read -n "op://Spectral/cloudflare/password?attribute=id";      expect_out "attribute=id" "pw"
run0 "$OP" read -n "op://Spectral/cloudflare/pw?attribute=label";         expect_out "attribute=label" "password"
run0 "$OP" read -n "op://Spectral/cloudflare/password?attribute=purpose"; expect_out "attribute=purpose" "PASSWORD"
run0 "$OP" read -n "op://Spectral/cloudflare/password?attribute=value";   expect_out "attribute=value" "hunter2-secret"
run0 "$OP" read "op://Spectral/cloudflare/password?attribute=otp";       op_err "attribute=otp on non-OTP" "field is not an OTP field"
run0 "$OP" read -n "op://Spectral/cloudflare/one-time?attribute=otp"
if grep -qxE '[0-9]{6}' "$T/out"; then ok "attribute=otp gives 6 digits"; else bad "attribute=otp gives 6 digits"; fi
run0 "$OP" read "op://Spectral/cloudflare/password?attribute=bogus";     op_err "unknown attribute" "invalid attribute"

# run
cat >"$T/a.env" <<'EOF'
# a comment

export TOKEN=op://Spectral/cloudflare/extra/api-token
PLAIN=just a literal # trailing comment
DQ="op://Spectral/plain/password"
SQ='single $quoted'
EOF
cat >"$T/b.env" <<'EOF'
USER_NAME=op://Spectral/cloudflare/user
EOF
PRINT_ENV='import os,sys; [sys.stdout.write("%s=[%s]\n" % (k, os.environ.get(k))) for k in sys.argv[1:]]'
run0 "$OP" run --no-masking --env-file "$T/a.env" --env-file="$T/b.env" -- python3 -c "$PRINT_ENV" TOKEN PLAIN DQ SQ USER_NAME
expect_out "op run --no-masking resolves refs, passes literals" \
  "TOKEN=[$VALUE]"$'\n'"PLAIN=[just a literal]"$'\n'"DQ=[pl41n-v4lue]"$'\n'"SQ=[single \$quoted]"$'\n'"USER_NAME=[bot]"$'\n'
run0 "$OP" run --env-file "$T/a.env" -- python3 -c "$PRINT_ENV" DQ PLAIN
expect_out "op run masks secrets by default" $'DQ=[<concealed by 1Password>]\nPLAIN=[just a literal]\n'
SPLIT='import os,sys,time; v=os.environ["DQ"]; sys.stdout.write("a"+v[:4]); sys.stdout.flush(); time.sleep(0.2); sys.stdout.write(v[4:]+"b\n"); sys.stderr.write(v+"\n")'
run0 "$OP" run --env-file "$T/a.env" -- python3 -c "$SPLIT"
expect_out "op run masks a value split across writes" $'a<concealed by 1Password>b\n'
expect_err "op run masks stderr too" $'<concealed by 1Password>\n'
run0 "$OP" run --env-file "$T/a.env" -- sh -c 'exit 7'; expect_rc "op run passes the exit code" 7
printf 'x' | run "$OP" run --no-masking --env-file "$T/b.env" -- cat; expect_out "op run passes stdin to the command" "x"
cat >"$T/bad.env" <<'EOF'
OK=op://Spectral/plain/password
FIRST=op://Spectral/missing-item/password
SECOND=op://NoVault/plain/password
EOF
rm -f "$T/ran"
run0 "$OP" run --no-masking --env-file "$T/bad.env" -- touch "$T/ran"
op_err "op run reports the first failing reference" '"missing-item" isn'"'"'t an item in the "Spectral" vault'
if grep -q NoVault "$T/err"; then bad "op run reports only the first failure"; else ok "op run reports only the first failure"; fi
[ ! -e "$T/ran" ] && ok "op run does not run CMD when a reference fails" || bad "op run does not run CMD when a reference fails"
REFVAR=op://Spectral/plain/password run0 "$OP" run --no-masking -- python3 -c "$PRINT_ENV" REFVAR
expect_out "op run resolves references in the inherited environment" $'REFVAR=[pl41n-v4lue]\n'
run0 "$OP" run --env-file "$T/a.env";       op_err "op run without a command" "expects a command"

# item get / list
run0 "$OP" item get cloudflare --vault Spectral --format json
pycheck "op item get hides concealed values" \
  'j["id"] == "itm1abc" and j["version"] == 3 and j["vault"] == {"id": "vlt1", "name": "Spectral"} and all("value" not in f for f in j["fields"] if f["type"] == "CONCEALED") and [f for f in j["fields"] if f["id"] == "username"][0]["value"] == "bot"'
pycheck "op item get references" \
  '[f["reference"] for f in j["fields"]][:2] == ["op://Spectral/cloudflare/extra/api-token", "op://Spectral/cloudflare/user"] and j["fields"][0]["section"] == {"id": "sec1", "label": "extra"}'
run0 "$OP" item get itm1abc --vault=vlt1 --format=json --reveal
VALUE="$VALUE" pycheck "op item get --reveal shows values (byte-exact)" \
  'j["fields"][0]["value"] == os.environ["VALUE"] and j["fields"][2]["value"] == "hunter2-secret" and j["created_at"] == "2026-01-01T00:00:00Z" and j["updated_at"] == "2026-02-01T00:00:00Z" and j["category"] == "API_CREDENTIAL"'
run0 "$OP" item get nope --vault Spectral --format json; op_err "op item get unknown item" '"nope" isn'"'"'t an item in the "Spectral" vault'
run0 "$OP" item get cloudflare --vault Nope --format json; op_err "op item get unknown vault" '"Nope" isn'"'"'t a vault in this account'
run0 "$OP" item get cloudflare --vault Spectral;     op_err "op item get without --format json" "unknown command"
run0 "$OP" item list --vault Spectral --format json
pycheck "op item list" \
  '[i["title"] for i in j] == ["cloudflare", "plain"] and all("fields" not in i and i["vault"]["name"] == "Spectral" and "updated_at" in i for i in j)'

# item edit
run0 "$OP" item get cloudflare --vault Spectral --format json --reveal
python3 - "$T/out" "$T/edit.json" <<'PY'
import json, sys
item = json.load(open(sys.argv[1], encoding="utf-8"))
item["fields"] = [f for f in item["fields"] if f["id"] != "otpfield"]       # dropped -> removed
for f in item["fields"]:
    if f["id"] == "pw":
        f["value"] = "new \"pw\"\n$x {{y}} ✓\n"
item["fields"].append({"type": "STRING", "label": "added", "value": "extra"})  # no id
json.dump(item, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
run "$OP" item edit cloudflare --vault Spectral <"$T/edit.json"
expect_rc "op item edit" 0
pycheck "op item edit output hides concealed values" 'j["version"] == 4 and all("value" not in f for f in j["fields"] if f["type"] == "CONCEALED")'
pycheck "op item edit stored the new fields" \
  '[f["label"] for f in vault["vaults"][0]["items"][0]["fields"]] == ["api-token", "user", "password", "added"] and vault["vaults"][0]["items"][0]["fields"][2]["value"] == "new \"pw\"\n$x {{y}} ✓\n" and vault["vaults"][0]["items"][0]["version"] == 4 and vault["vaults"][0]["items"][0]["updated_at"] != "2026-02-01T00:00:00Z"'
run0 "$OP" read -n op://Spectral/cloudflare/password; expect_out "op read after edit" $'new "pw"\n$x {{y}} \xe2\x9c\x93\n'
run0 "$OP" item edit cloudflare --vault Spectral;   op_err "op item edit with empty stdin" "no item JSON on stdin"
run "$OP" item edit cloudflare --vault Spectral 'password=leak1' <"$T/edit.json"
op_err "op item edit rejects password=x" "assignments are not allowed"
run "$OP" item edit cloudflare --vault Spectral 'field[password]=leak2' <"$T/edit.json"
op_err "op item edit rejects field[password]=x" "assignments are not allowed"
run "$OP" item edit nope --vault Spectral <"$T/edit.json"
op_err "op item edit unknown item" '"nope" isn'"'"'t an item in the "Spectral" vault'

# item create
printf '{"title":"new-item","category":"API_CREDENTIAL","fields":[{"id":"credential","type":"CONCEALED","label":"credential","value":"créé\\n"}]}' >"$T/create.json"
run "$OP" item create --vault Spectral - <"$T/create.json"
pycheck "op item create" 'j["title"] == "new-item" and j["version"] == 1 and len(j["id"]) == 26 and j["created_at"] == j["updated_at"] and "value" not in j["fields"][0]'
run0 "$OP" read op://Spectral/new-item/credential; expect_out "op read created item" $'créé\n\n'
run "$OP" item create --vault Spectral - <"$T/create.json"; op_err "op item create duplicate title" 'an item named "new-item" already exists'
run0 "$OP" item create --vault Spectral -;      op_err "op item create with empty stdin" "no item JSON on stdin"

# fail-writes
cp "$T/op/vault.json" "$T/vault.before"
touch "$T/op/fail-writes"
run "$OP" item edit cloudflare --vault Spectral <"$T/edit.json"; op_err "fail-writes: item edit" "(500) Internal Server Error"
sed 's/new-item/other-item/' "$T/create.json" | run "$OP" item create --vault Spectral -
op_err "fail-writes: item create" "(500) Internal Server Error"
cmp -s "$T/vault.before" "$T/op/vault.json" && ok "fail-writes changed nothing" || bad "fail-writes changed nothing"
run0 "$OP" read -n op://Spectral/plain/password; expect_out "fail-writes leaves reads working" "pl41n-v4lue"
rm "$T/op/fail-writes"

# fail-write-to: once per listed item, other items written
cp "$T/op/vault.json" "$T/vault.before"
printf 'CloudFlare\nnever-written\n' >"$T/op/fail-write-to"
run "$OP" item edit cloudflare --vault Spectral <"$T/edit.json"; op_err "fail-write-to: listed item edit fails" "(500) Internal Server Error"
cmp -s "$T/vault.before" "$T/op/vault.json" && ok "fail-write-to changed nothing" || bad "fail-write-to changed nothing"
[ "$(cat "$T/op/fail-write-to")" = "never-written" ] && ok "fail-write-to drops the line it used" || bad "fail-write-to drops the line it used"
run "$OP" item edit cloudflare --vault Spectral <"$T/edit.json"; [ "$RC" = 0 ] && ok "fail-write-to: the next edit succeeds" || bad "fail-write-to: the next edit succeeds"
sed 's/new-item/never-written/' "$T/create.json" | run "$OP" item create --vault Spectral -
op_err "fail-write-to: listed item create fails" "(500) Internal Server Error"
[ ! -e "$T/op/fail-write-to" ] && ok "fail-write-to is removed once empty" || bad "fail-write-to is removed once empty"

# unknown commands / flags
run0 "$OP" vault list;                                   op_err "op unknown command" "unknown command"
run0 "$OP" item get cloudflare --format json --bogus;    op_err "op unknown flag" "unknown command"
run0 "$OP" item delete cloudflare;                       op_err "op unknown item subcommand" "unknown command"

# concurrency: 8 creates at once, all land
for i in 1 2 3 4 5 6 7 8; do
  printf '{"title":"par-%s","category":"PASSWORD","fields":[]}' "$i" | OP_FAKE_LATENCY_MS=100 OP_FAKE_LOCKED_DELAY_MS=60 "$OP" item create --vault Other - >/dev/null 2>&1 &
done
wait
run0 true
pycheck "op: 8 concurrent creates all stored" 'sorted(i["title"] for i in vault["vaults"][1]["items"]) == ["par-%d" % n for n in range(1, 9)]'

# latency and calls.log
OP_FAKE_LATENCY_MS=300 run0 "$OP" --version
pycheck "op latency injection" 'log[-1]["argv"] == ["--version"] and log[-1]["ms"] >= 300'
run0 true
pycheck "op calls.log: one JSON line per call with argv/stdin_bytes/ms" \
  'len(log) > 60 and all(set(e) >= {"argv", "stdin_bytes", "ms"} and isinstance(e["argv"], list) for e in log)'
pycheck "op calls.log counts stdin bytes" \
  'any(e["argv"][:2] == ["item", "edit"] and e["stdin_bytes"] > 100 for e in log) and all(e["stdin_bytes"] == 0 for e in log if e["argv"][:1] == ["read"])'
if grep -qF -e "hunter2-secret" -e "pl41n-v4lue" -e "ünïcødé" -e "créé" -e '"pw"' "$T/op/calls.log"; then
  RC=-; bad "op calls.log holds no values"; else ok "op calls.log holds no values"; fi

echo "selftest: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
