#!/usr/bin/env python3
"""Generates the scripted model sessions of the demo: tasks/samples/scripts/<instance_id>/rollout-<k>.json.

Each file is what a model could answer, step by step (view, write a reproduction script, run it, str_replace edits,
run it again, run the tests, submit, confirm the submit after its review), and testgen-<k>.json: test-writing sessions (a reproduction script, no fix) used by
`fixpoint select` to generate tests. The edits come from the sample patches: the decoy partial fix (rollout 1),
the decoy that breaks passing tests (rollout 2) and the gold fix (rollouts 3, 4 and 5; rollout 4 drops the fix's
comment lines, a formatting difference). The decoys come first so that selection cannot win by position. Every model id starts with "scripted:" so the sessions are labelled as
scripted wherever they show. Usage numbers are plausible token counts, for budgets and reports; they cost $0.

    python3 tasks/samples/scripts/generate.py            # write the JSON files
    python3 tasks/samples/scripts/generate.py --check    # also run each reproduction script on base/gold/decoys (host python3/java)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from repros import NAIVE, THOROUGH  # noqa: E402

sys.path.insert(0, os.path.join(SAMPLES, "..", "..", "scripts", "lib"))
import scripted_session  # noqa: E402


def hunks(diff):
    """[(path, old_text, new_text)] per hunk of a unified diff."""
    out, path, cur = [], None, None
    for line in diff.splitlines(keepends=True):
        if line.startswith("+++ "):
            path = line[4:].strip()[2:]
        elif line.startswith("@@"):
            cur = [path, [], []]
            out.append(cur)
        elif cur is not None and line[:1] in (" ", "-", "+") and not line.startswith(("--- ", "+++ ")):
            body = line[1:]
            if line[0] in (" ", "-"):
                cur[1].append(body)
            if line[0] in (" ", "+"):
                cur[2].append(body)
        elif line.startswith("diff --git"):
            cur = None
    return [(p, "".join(o), "".join(n)) for p, o, n in out]


def trim(old, new):
    """Drops the common leading and trailing lines: the edit a model would write (keeping one line of context)."""
    o, n = old.splitlines(keepends=True), new.splitlines(keepends=True)
    while len(o) > 2 and len(n) > 2 and o[0] == n[0] and o[1] == n[1]:
        o, n = o[1:], n[1:]
    while len(o) > 2 and len(n) > 2 and o[-1] == n[-1] and o[-2] == n[-2]:
        o, n = o[:-1], n[:-1]
    return "".join(o), "".join(n)


def strip_comment_lines(old, new):
    """The same fix without the comment lines it adds (old is unchanged)."""
    olds = set(old.splitlines())
    kept = [l for l in new.splitlines(keepends=True)
            if l.rstrip("\n") in olds or not re.match(r"\s*(#|//)", l)]
    return old, "".join(kept)


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def edits_for(diff, repo, formatted=False):
    result = []
    for path, full_old, full_new in hunks(diff):
        text = open(os.path.join(repo, path)).read()
        old, new = trim(full_old, full_new)
        if text.count(old) != 1:  # too little context left to be unique: keep the whole hunk
            old, new = full_old, full_new
        if formatted:
            old, new = strip_comment_lines(old, new)
        if text.count(old) != 1:
            raise SystemExit(f"{path}: edit context occurs {text.count(old)} times")
        result.append((path, old, new))
    return result


def apply_edits(repo, edits):
    for path, old, new in edits:
        p = os.path.join(repo, path)
        text = open(p).read()
        assert text.count(old) == 1, (path, old)
        open(p, "w").write(text.replace(old, new))


def Session(model, label):
    return scripted_session.Session(model, label, 2400)


def session(task, name, lang, edits, repro, label, kind, run_tests):
    s = Session(f"scripted:{name}/{kind}", label)
    repro_file = "ReproduceIssue.java" if lang == "java" else "reproduce_issue.py"
    run = ("javac -encoding UTF-8 -d /tmp/classes $(find src/main/java -name '*.java') && java -cp /tmp/classes ReproduceIssue.java"
           if lang == "java" else "python3 reproduce_issue.py")
    first = edits[0][0]
    s.say("Let me look at the code the issue is about.", "view", path=first)
    s.say("I'll reproduce the issue first.", "edit", command="create", path=repro_file, file_text=repro)
    s.say("Running the reproduction on the unchanged code; it should fail.", "bash", command=run)
    for path, old, new in edits:
        s.say(f"Fixing {path}.", "edit", command="str_replace", path=path, old_str=old, new_str=new)
    s.say("Running the reproduction again.", "bash", command=run)
    if run_tests:
        s.say("And the existing tests.", "bash", command=TEST_COMMANDS[lang], timeout=600)
    s.submit("Done.", label)
    return s.json()


def testgen_session(name, lang, repro, kind, first):
    s = Session(f"scripted:{name}/testgen-{kind}", f"scripted: writes a {kind} reproduction test, no fix")
    repro_file = "ReproduceIssue.java" if lang == "java" else "reproduce_issue.py"
    run = ("javac -encoding UTF-8 -d /tmp/classes $(find src/main/java -name '*.java') && java -cp /tmp/classes ReproduceIssue.java"
           if lang == "java" else "python3 reproduce_issue.py")
    s.say("Let me look at the code the issue is about.", "view", path=first)
    s.say("Writing a test that shows the problem.", "edit", command="create", path=repro_file, file_text=repro)
    s.say("It should fail on the current code.", "bash", command=run)
    s.say("The test fails for the reason in the issue.", "submit", summary=f"{kind} reproduction test")
    return s.json()


# The samples' test commands (tasks/samples/environments.yaml; the rows carry no environment).
TEST_COMMANDS = {"python": "python3 -m pytest -rA -p no:cacheprovider tests", "java": "sh run-tests.sh"}


def main():
    check = "--check" in sys.argv
    tasks = [json.loads(l) for l in open(os.path.join(SAMPLES, "tasks.jsonl")) if l.strip()]
    for task in tasks:
        iid = task["instance_id"]
        name = task["repo"].split("/")[1]
        decoys = os.path.join(SAMPLES, "decoys", iid)
        diffs = {"gold": task["patch"], "partial": open(os.path.join(decoys, "partial.diff")).read(),
                 "breaks": open(os.path.join(decoys, "breaks_p2p.diff")).read()}
        with tempfile.TemporaryDirectory() as tmp:
            repo = os.path.join(tmp, name)
            git("clone", "-q", os.path.join(SAMPLES, "repos", name + ".bundle"), repo)
            git("checkout", "-q", task["base_commit"], cwd=repo)
            lang = "java" if os.path.isdir(os.path.join(repo, "src", "main", "java")) else "python"
            plans = [
                ("partial", edits_for(diffs["partial"], repo), NAIVE[name], "scripted: plausible partial fix (decoy)", False),
                ("breaks", edits_for(diffs["breaks"], repo), NAIVE[name], "scripted: fix that breaks passing tests (decoy)", False),
                ("gold-a", edits_for(diffs["gold"], repo), THOROUGH[name], "scripted: applies the gold fix", True),
                ("gold-b", edits_for(diffs["gold"], repo, formatted=True), THOROUGH[name], "scripted: the gold fix, formatted differently (no comments)", True),
                ("gold-c", edits_for(diffs["gold"], repo), THOROUGH[name], "scripted: applies the gold fix", True),
            ]
            out_dir = os.path.join(HERE, iid)
            os.makedirs(out_dir, exist_ok=True)
            for k, (kind, edits, repro, label, tests) in enumerate(plans, start=1):
                with open(os.path.join(out_dir, f"rollout-{k}.json"), "w") as f:
                    json.dump(session(task, name, lang, edits, repro, label, kind, tests), f, indent=1)
                    f.write("\n")
            first = next(edits for kind, edits, *_ in plans if kind == "gold-a")[0][0]
            for k, (kind, repro) in enumerate((("thorough", THOROUGH[name]), ("naive", NAIVE[name])), start=1):
                with open(os.path.join(out_dir, f"testgen-{k}.json"), "w") as f:
                    json.dump(testgen_session(name, lang, repro, kind, first), f, indent=1)
                    f.write("\n")
            if check:
                check_matrix(repo, name, lang, plans)
        print(f"{iid}: {len(plans)} scripted rollouts")


def check_matrix(repo, name, lang, plans):
    variants = {"base": []}
    variants.update({kind: edits for kind, edits, *_ in plans if kind in ("gold-a", "gold-b", "partial", "breaks")})
    for variant, edits in variants.items():
        git("checkout", "-q", "--", ".", cwd=repo)
        apply_edits(repo, edits)
        row = []
        for which, text in (("naive", NAIVE[name]), ("thorough", THOROUGH[name])):
            if lang == "java":
                f = os.path.join(repo, "ReproduceIssue.java")
                open(f, "w").write(text)
                cmd = "rm -rf /tmp/gen-cls && javac -nowarn -encoding UTF-8 -d /tmp/gen-cls $(find src/main/java -name '*.java') && java -cp /tmp/gen-cls ReproduceIssue.java"
            else:
                f = os.path.join(repo, "reproduce_issue.py")
                open(f, "w").write(text)
                cmd = "python3 reproduce_issue.py"
            r = subprocess.run(["sh", "-c", cmd], cwd=repo, capture_output=True, text=True)
            os.remove(f)
            row.append(f"{which}={'pass' if r.returncode == 0 else 'FAIL'}")
            if r.returncode != 0 and ("Error" in r.stderr and "Assertion" not in r.stderr and "FAILED" not in r.stdout):
                row[-1] += "(" + r.stderr.strip().splitlines()[-1][:80] + ")"
        print(f"  {name:10} {variant:8} " + " ".join(row))


if __name__ == "__main__":
    main()
