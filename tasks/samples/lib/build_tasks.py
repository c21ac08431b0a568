#!/usr/bin/env python3
"""Writes tasks/samples/tasks.jsonl and mirrors.json from the sample sources.

Per repository <name>, in the order of ORDER below:
  meta/<name>.json          language, created_at, FAIL_TO_PASS, PASS_TO_PASS
  issues/<name>.md          problem_statement
  patches/<name>/gold.diff  patch
  patches/<name>/test.diff  test_patch
  repos/<name>.bundle       base_commit = the bundle's refs/heads/main

usage: build_tasks.py SAMPLES_DIR
"""
import json
import os
import re
import subprocess
import sys

ORDER = ["verspec", "confmesh", "tabulite", "calspan", "tinycache", "tallymoney"]
ORG = "fixpoint-samples"

ENVIRONMENTS = {
    "python": {
        "image": "fixpoint/python:latest",
        "workdir": "/testbed",
        "setup_commands": [],
        "test_command": "python3 -m pytest -rA -p no:cacheprovider tests",
        "result_format": "pytest_log",
        "reports_dir": None,
        "test_timeout_seconds": 300,
    },
    "java": {
        "image": "fixpoint/java:latest",
        "workdir": "/testbed",
        "setup_commands": [],
        "test_command": "sh run-tests.sh",
        "result_format": "junit_xml",
        "reports_dir": "build/test-results",
        "test_timeout_seconds": 300,
    },
}

# Paths a test patch may touch, and a gold patch may not.
TEST_PATH = re.compile(r"^(tests/|src/test/|conftest\.py$|pytest\.ini$)")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def bundle_head(bundle):
    out = subprocess.run(
        ["git", "bundle", "list-heads", bundle], check=True, capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        sha, ref = line.split()
        if ref == "refs/heads/main":
            return sha
    raise SystemExit(f"{bundle}: no refs/heads/main")


def touched_paths(diff):
    return re.findall(r"^diff --git a/(\S+) b/\S+$", diff, flags=re.M)


def build(samples):
    tasks, mirrors = [], {}
    for name in ORDER:
        meta = json.loads(read(os.path.join(samples, "meta", f"{name}.json")))
        patch = read(os.path.join(samples, "patches", name, "gold.diff"))
        test_patch = read(os.path.join(samples, "patches", name, "test.diff"))
        for path in touched_paths(patch):
            if TEST_PATH.match(path):
                raise SystemExit(f"{name}: gold patch touches test file {path}")
        for path in touched_paths(test_patch):
            if not TEST_PATH.match(path):
                raise SystemExit(f"{name}: test patch touches non-test file {path}")
        if not meta["FAIL_TO_PASS"]:
            raise SystemExit(f"{name}: empty FAIL_TO_PASS")
        bundle = os.path.join("repos", f"{name}.bundle")
        base = bundle_head(os.path.join(samples, bundle))
        repo = f"{ORG}/{name}"
        tasks.append({
            "instance_id": f"{ORG}__{name}-1",
            "repo": repo,
            "base_commit": base,
            "problem_statement": read(os.path.join(samples, "issues", f"{name}.md")),
            "hints_text": "",
            "created_at": meta["created_at"],
            "version": "1.0",
            "patch": patch,
            "test_patch": test_patch,
            "FAIL_TO_PASS": meta["FAIL_TO_PASS"],
            "PASS_TO_PASS": meta["PASS_TO_PASS"],
            "environment_setup_commit": base,
            "environment": ENVIRONMENTS[meta["language"]],
        })
        mirrors[repo] = bundle
    with open(os.path.join(samples, "tasks.jsonl"), "w", encoding="utf-8") as f:
        for task in tasks:
            f.write(json.dumps(task, ensure_ascii=False) + "\n")
    with open(os.path.join(samples, "mirrors.json"), "w", encoding="utf-8") as f:
        json.dump(mirrors, f, indent=2)
        f.write("\n")
    print(f"wrote {len(tasks)} tasks to tasks.jsonl and mirrors.json")


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
