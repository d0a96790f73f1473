#!/usr/bin/env python3
"""Counters for bench/provision-bench.sh. Prints numbers and names, never a value.

    bench-stats.py requests REQUESTS_LOG FIRST_LINE     -> "requests writes write_requests throttled secret_puts variable_writes"
    bench-stats.py lines FILE FIRST_LINE                -> lines of FILE from FIRST_LINE (1-based) on
    bench-stats.py failed REPORT_JSON                   -> keys whose result is "failed" in a provision report ("-" if no report)
    bench-stats.py compare EXPECTED_JSON STATE_JSON REPO -> "exact", or the first mismatch (names only)
    bench-stats.py floor SECRET_PUTS VARIABLE_WRITES POINTS_PER_MINUTE -> seconds of waiting GitHub's points force on a run
"""
import json
import math
import sys

WRITE_METHODS = {"PUT", "POST", "PATCH", "DELETE"}


def lines_from(path, first):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.readlines()[first - 1:]
    except FileNotFoundError:
        return []


def requests(path, first):
    total = writes = write_requests = throttled = secret_puts = variable_writes = 0
    for line in lines_from(path, int(first)):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        total += 1
        if "throttled" in r:
            throttled += 1
        path_only = r["path"].split("?", 1)[0]
        if r["method"] in WRITE_METHODS and path_only != "/graphql":
            write_requests += 1
            if 200 <= r["status"] < 300:
                writes += 1
                if r["method"] == "PUT" and "/secrets/" in path_only:
                    secret_puts += 1
                elif "/variables" in path_only:
                    variable_writes += 1
    print(total, writes, write_requests, throttled, secret_puts, variable_writes)


def failed(path):
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (FileNotFoundError, ValueError):
        print("-")
        return
    print(sum(1 for row in report.get("changes", []) if row.get("result") == "failed"))


def compare(expected_path, state_path, repo):
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    try:
        with open(state_path, encoding="utf-8") as f:
            state = json.load(f)
    except (FileNotFoundError, ValueError) as e:
        print(f"no state.json ({type(e).__name__})")
        return
    repos = {name.lower(): r for name, r in state.get("repos", {}).items()}
    environments = {name.lower(): e for name, e in repos.get(repo.lower(), {}).get("environments", {}).items()}
    for env, kinds in expected.items():
        held = environments.get(env.lower())
        if held is None:
            print(f"{env}: environment missing")
            return
        for kind in ("secrets", "variables"):
            want = {k.upper(): v for k, v in kinds[kind].items()}
            have = {k.upper(): v for k, v in held.get(kind, {}).items()}
            for name in sorted(want):
                if name not in have:
                    print(f"{env} {kind[:-1]} {name}: missing ({len(want) - len(want.keys() & have.keys())} of {len(want)} missing)")
                    return
                if have[name].get("value") != want[name]:
                    print(f"{env} {kind[:-1]} {name}: value differs")
                    return
            extra = sorted(have.keys() - want.keys())
            if extra:
                print(f"{env} {kind[:-1]} {extra[0]}: not expected ({len(extra)} extra)")
                return
    print("exact")


def floor(secret_puts, variable_writes, points_per_minute):
    """Points are per endpoint: secret writes and variable writes each have their own 900 a minute. Writes
    that do not fit the first minute's points wait until the window slides: ceil(points / ppm) - 1 minutes."""
    waits = [max(0, math.ceil(int(n) * 5 / int(points_per_minute)) - 1) * 60 for n in (secret_puts, variable_writes)]
    print(max(waits))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "requests":
        requests(*args)
    elif command == "lines":
        print(len(lines_from(args[0], int(args[1]))))
    elif command == "failed":
        failed(*args)
    elif command == "compare":
        compare(*args)
    elif command == "floor":
        floor(*args)
    else:
        sys.exit(f"bench-stats: unknown command {command}")


if __name__ == "__main__":
    main()
