#!/usr/bin/env python3
"""Helpers of tasks/samples/verify: read tasks.jsonl, parse test results, check them.

    results.py ids TASKS_JSONL                       instance ids, one a line
    results.py field TASKS_JSONL ID FIELD            a field (strings raw, else JSON)
    results.py env TASKS_JSONL ID KEY                a key of the task's environment: the row's own,
                                                     else environments.yaml next to TASKS_JSONL
    results.py parse FORMAT PATH                     pytest_log (a log file) or junit_xml
                                                     (a directory of XML reports) ->
                                                     JSON {test id: "passed"|"failed"}
    results.py check MODE TASKS_JSONL ID RESULTS     MODE: base | gold | partial | breaks_p2p;
                                                     prints a one-line verdict, exit 1 if wrong

Test ids: pytest node ids ("tests/test_x.py::test_y[case]"); JUnit "pkg.ClassTest#method"
(parentheses and parameter lists removed). A test that is not in the results counts as
failed (e.g. everything, when the tests do not compile).
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

PASSED, FAILED = "passed", "failed"

# "PASSED tests/test_a.py::test_b" or "FAILED tests/test_a.py::test_b - AssertionError: ..."
_PYTEST_LINE = re.compile(r"^(PASSED|FAILED|ERROR|XPASS|XFAIL|SKIPPED)\s+(\S+)(?:\s+-\s+.*)?$")


def load_tasks(path):
    tasks = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                task = json.loads(line)
                tasks[task["instance_id"]] = task
    return tasks


# Defaults of the environment keys a spec entry may leave out (as Fixpoint's EnvironmentSpec has them).
_ENV_DEFAULTS = {"workdir": "/testbed", "setup_commands": [], "reports_dir": "", "test_timeout_seconds": 600}


def load_specs(path):
    """The spec file as build_tasks.py writes it: repo -> version key -> {key: JSON value}."""
    specs, repo, version = {}, None, None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^( *)([^:]+):\s*(.*)$", line.rstrip("\n"))
            if not m:
                raise SystemExit(f"{path}:{lineno}: not a line of the generated spec format: {line!r}")
            indent, key, value = len(m.group(1)), m.group(2).strip().strip('"'), m.group(3)
            if indent == 0:
                repo = specs.setdefault(key, {})
            elif indent == 2:
                version = repo.setdefault(key, {})
            else:
                version[key] = json.loads(value)
    return specs


def environment(tasks_path, task):
    """The row's environment, else its repository's entry in environments.yaml next to the task file."""
    if task.get("environment"):
        env = task["environment"]
    else:
        specs_path = os.path.join(os.path.dirname(os.path.abspath(tasks_path)), "environments.yaml")
        entries = load_specs(specs_path).get(task["repo"]) if os.path.exists(specs_path) else None
        if not entries:
            raise SystemExit(f"{task['instance_id']}: no environment in the row nor in {specs_path}")
        env = dict(entries.get(task.get("version", ""), entries.get("default", {})))
        env["image"] = env.get("image") or env.get("base_image")
    return {**_ENV_DEFAULTS, **{k: v for k, v in env.items() if v is not None}}


def parse_pytest_log(path):
    results = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = _PYTEST_LINE.match(line.rstrip("\n"))
            if not m:
                continue
            status, nodeid = m.groups()
            if status == "SKIPPED" and nodeid.startswith("["):
                continue  # "SKIPPED [1] file:line: reason"
            outcome = PASSED if status in ("PASSED", "XFAIL") else FAILED
            # An error in teardown after a pass still fails the test.
            if results.get(nodeid) == FAILED:
                continue
            results[nodeid] = outcome
    return results


def junit_name(classname, name):
    method = name.split("(", 1)[0]
    return f"{classname}#{method}"


def parse_junit_dir(path):
    results = {}
    for report in sorted(glob.glob(os.path.join(path, "**", "*.xml"), recursive=True)):
        try:
            root = ET.parse(report).getroot()
        except ET.ParseError:
            continue
        for case in root.iter("testcase"):
            test = junit_name(case.get("classname", ""), case.get("name", ""))
            failed = any(case.find(tag) is not None for tag in ("failure", "error"))
            skipped = case.find("skipped") is not None
            if failed:
                results[test] = FAILED
            elif not skipped and results.get(test) != FAILED:
                results[test] = PASSED
    return results


def check(mode, task, results):
    """Returns (ok, message)."""
    f2p, p2p = task["FAIL_TO_PASS"], task["PASS_TO_PASS"]

    def passed(t):
        return results.get(t) == PASSED

    f2p_pass = [t for t in f2p if passed(t)]
    f2p_fail = [t for t in f2p if not passed(t)]
    p2p_fail = [t for t in p2p if not passed(t)]
    counts = f"F2P {len(f2p_pass)}/{len(f2p)} pass, P2P {len(p2p) - len(p2p_fail)}/{len(p2p)} pass"
    problems = []
    if not results:
        problems.append("no test results at all")
    if mode == "base":
        if f2p_pass:
            problems.append("F2P passing before the fix: " + ", ".join(f2p_pass))
        if p2p_fail:
            problems.append("P2P failing: " + ", ".join(p2p_fail))
        unknown = sorted(set(results) - set(f2p) - set(p2p))
        if unknown:
            problems.append("tests in neither list: " + ", ".join(unknown))
    elif mode == "gold":
        if f2p_fail:
            problems.append("F2P failing with the gold patch: " + ", ".join(f2p_fail))
        if p2p_fail:
            problems.append("P2P failing with the gold patch: " + ", ".join(p2p_fail))
    elif mode == "partial":
        if not f2p_fail:
            problems.append("the partial decoy passes every F2P test")
    elif mode == "breaks_p2p":
        if not p2p_fail:
            problems.append("the breaks_p2p decoy breaks no P2P test")
    else:
        raise SystemExit(f"unknown mode {mode}")
    if problems:
        return False, counts + " -- " + "; ".join(problems)
    return True, counts


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd = argv[1]
    if cmd == "ids":
        print("\n".join(load_tasks(argv[2])))
    elif cmd == "field":
        value = load_tasks(argv[2])[argv[3]][argv[4]]
        print(value if isinstance(value, str) else json.dumps(value), end="")
    elif cmd == "env":
        value = environment(argv[2], load_tasks(argv[2])[argv[3]])[argv[4]]
        print(value if isinstance(value, str) else json.dumps(value), end="")
    elif cmd == "parse":
        fmt, path = argv[2], argv[3]
        if fmt == "pytest_log":
            results = parse_pytest_log(path)
        elif fmt == "junit_xml":
            results = parse_junit_dir(path)
        else:
            raise SystemExit(f"unknown result format {fmt}")
        json.dump(results, sys.stdout, indent=1, sort_keys=True)
    elif cmd == "check":
        mode, tasks_path, instance_id, results_path = argv[2:6]
        task = load_tasks(tasks_path)[instance_id]
        with open(results_path, encoding="utf-8") as f:
            results = json.load(f)
        ok, message = check(mode, task, results)
        print(message)
        return 0 if ok else 1
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
