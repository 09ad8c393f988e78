#!/usr/bin/env python3
"""Runs every built-in scenario's listing as a plain Python 3 program and checks it against the scenario.

Not part of ctest: the programs sleep in real time (up to a minute for the ones that hang), so a full run takes
about two minutes even in parallel. Run it after changing a listing:

    python3 tests/pyprograms/check_listings.py [--lockstep build/dev/app/lockstep] [--show] [ID ...]

For each scenario it takes the listing from `lockstep list --json`, runs it with `python3` under a timeout and
runs the scenario itself with `lockstep run ID` (default parameters, policy and seed). A scenario that ends
in a deadlock (or stuck: threads that wait for something no one will do) must hang as a program (killed by the timeout); every other program must exit with status 0.
The lines the program prints are then compared with the scenario's as multisets (a number may be off by
0.25 + 10%: real time runs a little late, more so on a busy machine, so run it on an idle one): a line the
scenario prints that the program does not is reported, which is expected only where real threads take another order or
real time differs from the virtual one (KNOWN_DIFFERENCES says why for each such scenario). --show prints
both outputs side by side for reading.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

TIMEOUT_S = 60

# Scenarios whose printed lines legitimately differ between the virtual run and real CPython, and why.
KNOWN_DIFFERENCES = {
    "race-increment-double": "CPython switches threads every 5 ms: the two short updates rarely interleave (x = 6)",
    "race-counter-sleep": "which update is lost depends on which thread wakes last (10 or 20)",
    "threads-random-sleep": "random sleeps",
    "bounded-semaphore-pool": "random sleeps",
    "semaphore-active-pool": "random sleeps",
    "async-chain": "random sleeps",
    "async-vs-sync": "random sleeps",
    "thread-pool-futures": "the order of equally long tasks and the pool's thread names",
    "lock-counter-many": "contention and waits depend on real CPU time",
    "gil-cpu-bound": "real CPU time",
    "process-start-join": "real process ids",
    "point-atomicity": "CPython rarely switches between the two writes",
    "queue-producer-consumers": "which consumer takes an item depends on real timing",
    "bounded-buffer-monitor": "which consumer takes an item depends on real timing",
    "condition-producer-consumer": "which consumer takes an item depends on real timing",
    "process-queue": "which consumer takes an item depends on real timing",
    "process-pool": "which worker process runs a task depends on real timing",
    "process-manager": "the manager's proxies print in another order",
    "semaphore-groups": "thread start-up takes real time: t=0.1 instead of t=0 on a busy machine",
    "lock-nonblocking": "real time drifts a little: t=2.1 instead of t=2",
    "async-blocking-call": "real time drifts a little",
    "thread-names": "Python 3.10 and later name an unnamed thread after its target too: Thread-1 (worker)",
    "process-pipe": "both processes print at the same moment: on a shared stdout their lines may run together",
}


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def scenario_run(lockstep, sid):
    """The scenario's printed texts and whether it ended with threads that wait forever (deadlock or stuck)."""
    out = subprocess.run([lockstep, "run", sid], capture_output=True, text=True, timeout=300).stdout
    texts = []
    deadlock = False
    for line in out.splitlines():
        m = re.match(r"\[\s*[\d.]+ s\] [^:]+: (.*)$", line)
        if m:
            texts.append(m.group(1))
        elif line.startswith((sid + ": deadlock", sid + ": stuck")):
            deadlock = True
    return texts, deadlock, out


def program_run(listing, sid, workdir):
    path = os.path.join(workdir, sid.replace("-", "_") + ".py")
    with open(path, "w") as f:
        f.write(listing)
    try:
        p = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=TIMEOUT_S, cwd=workdir)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = e.stderr.decode() if isinstance(e.stderr, bytes) else (e.stderr or "")
        return None, out, err


NUMBER = re.compile(r"\d+(?:\.\d+)?")


def same_but_for_time(expected, actual):
    """True when the lines differ only in numbers that real time may shift a little (t=2.0 against t=2.1)."""
    if NUMBER.sub("#", expected) != NUMBER.sub("#", actual):
        return False
    pairs = zip(map(float, NUMBER.findall(expected)), map(float, NUMBER.findall(actual)))
    return all(abs(a - b) <= 0.25 + 0.1 * abs(a) for a, b in pairs)


def unmatched(expected_lines, actual_lines):
    """The expected lines (a multiset) that no actual line matches exactly or up to a small shift in time."""
    missing = collections.Counter(expected_lines) - collections.Counter(actual_lines)
    spare = list((collections.Counter(actual_lines) - collections.Counter(expected_lines)).elements())
    left = collections.Counter()
    for line in missing.elements():
        match = next((i for i, a in enumerate(spare) if same_but_for_time(line, a)), None)
        if match is None:
            left[line] += 1
        else:
            del spare[match]
    return left


def check(lockstep, scenario, workdir, show):
    sid = scenario["id"]
    texts, deadlock, scenario_out = scenario_run(lockstep, sid)
    rc, out, err = program_run(scenario["listing"], sid, workdir)
    problems = []
    if deadlock and rc is not None:
        problems.append(f"the scenario hangs but the program ended (exit status {rc})")
    if not deadlock and rc != 0:
        problems.append("the program timed out" if rc is None else f"the program exited with status {rc}")
    # The program's stdout lines against the scenario's printed lines (which include its stderr warnings).
    missing = unmatched([t for t in texts if "Warning" not in t and "Traceback" not in t], out.splitlines())
    notes = []
    if missing:
        why = KNOWN_DIFFERENCES.get(sid)
        listed = "; ".join(list(missing.elements())[:3])
        if why:
            notes.append(f"{sum(missing.values())} scenario line(s) not printed ({why}), e.g. {listed}")
        else:
            problems.append(f"{sum(missing.values())} scenario line(s) not printed, e.g. {listed}")
    report = [f"{'FAIL' if problems else 'ok  '} {sid}" + (" (hangs as the scenario does)" if deadlock else "")]
    report += [f"       {p}" for p in problems] + [f"       note: {n}" for n in notes]
    if show or problems:
        report.append("     --- program stdout" + ("" if rc is not None else " (killed by the timeout)"))
        report += ["       " + line for line in out.splitlines()[:40]]
        if err.strip():
            report.append("     --- program stderr")
            report += ["       " + line for line in err.splitlines()[:20]]
        report.append("     --- lockstep run")
        report += ["       " + line for line in scenario_out.splitlines()[:40]]
    return not problems, "\n".join(report)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lockstep", default=os.path.join(repo_root(), "build", "dev", "app", "lockstep"))
    parser.add_argument("--jobs", type=int, default=16, help="programs run at once (they mostly sleep)")
    parser.add_argument("--show", action="store_true", help="print both outputs of every scenario")
    parser.add_argument("ids", nargs="*")
    args = parser.parse_args()
    scenarios = json.loads(subprocess.run([args.lockstep, "list", "--json"], capture_output=True, text=True,
                                          check=True).stdout)
    if args.ids:
        scenarios = [s for s in scenarios if s["id"] in args.ids]
    failed = 0
    with tempfile.TemporaryDirectory() as workdir, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for ok, report in pool.map(lambda s: check(args.lockstep, s, workdir, args.show), scenarios):
            print(report, flush=True)
            failed += not ok
    print(f"{len(scenarios) - failed} of {len(scenarios)} listings behave as their scenarios")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
