#!/usr/bin/env python3
"""Maintainer tool: runs a sample's tests in Docker at base + test.diff and with gold.diff
added, and writes FAIL_TO_PASS / PASS_TO_PASS into meta/<name>.json (keeping its other
keys). Run make-repos first; run verify afterwards to check the result independently.

usage: lib/derive_lists.py NAME...
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_tasks import ENVIRONMENTS  # noqa: E402
from results import PASSED, parse_junit_dir, parse_pytest_log  # noqa: E402

SAMPLES = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def test_results(name, env, patches, work):
    repo = os.path.join(work, "repo")
    shutil.rmtree(repo, ignore_errors=True)
    run(["git", "clone", "-q", os.path.join(SAMPLES, "repos", f"{name}.bundle"), repo])
    for p in patches:
        run(["git", "-C", repo, "apply", p])
    log = os.path.join(work, "log")
    with open(log, "w") as out:
        subprocess.run(
            ["docker", "run", "--rm", "--network", "none", "-v", f"{repo}:{env['workdir']}",
             "-w", env["workdir"], env["image"], "sh", "-c", env["test_command"]],
            stdout=out, stderr=subprocess.STDOUT,
        )
    if env["result_format"] == "pytest_log":
        return parse_pytest_log(log)
    return parse_junit_dir(os.path.join(repo, env["reports_dir"]))


def derive(name):
    meta_path = os.path.join(SAMPLES, "meta", f"{name}.json")
    with open(meta_path) as f:
        meta = json.load(f)
    env = ENVIRONMENTS[meta["language"]]
    test = os.path.join(SAMPLES, "patches", name, "test.diff")
    gold = os.path.join(SAMPLES, "patches", name, "gold.diff")
    with tempfile.TemporaryDirectory() as work:
        before = test_results(name, env, [test], work)
        after = test_results(name, env, [test, gold], work)
    f2p = sorted(t for t in after if after[t] == PASSED and before.get(t) != PASSED)
    p2p = sorted(t for t in after if after[t] == PASSED and before.get(t) == PASSED)
    broken = sorted(t for t in set(before) | set(after) if after.get(t) != PASSED)
    if broken:
        raise SystemExit(f"{name}: failing with the gold patch: {broken}")
    meta["FAIL_TO_PASS"], meta["PASS_TO_PASS"] = f2p, p2p
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    print(f"{name}: {len(f2p)} FAIL_TO_PASS, {len(p2p)} PASS_TO_PASS")


if __name__ == "__main__":
    for n in sys.argv[1:]:
        derive(n)
