#!/usr/bin/env python3
"""Scripted model sessions for real task rows (scripts/bench-real), generated from each row's gold patch.

For every row it writes OUT/<instance_id>/rollout-<k>.json (the format of solver/model/ScriptFile, as the demo's
tasks/samples/scripts): what a model could answer, step by step. The edits are str_replace calls whose old text is
read from the base commit's file in the repository's mirror (`git --git-dir MIRROR show BASE:path`), so they apply
to the instance tree exactly as a model's would. The decoys come first, so that selection cannot win by position:

    rollout-1  a plausible wrong fix: part of the gold change (all hunks but the last; or, for one hunk, its first
               changed block only) when that still parses, else a comment line added next to the change; never the
               gold result, and (for .py files) the edited files still compile (ast.parse; .java files are not
               compile-checked, so a partial Java fix may not build: still a wrong fix, an easier one to reject)
    rollout-2  changes nothing: submits at once (and confirms the submit after its review, as every fixer session does)
    rollout-3  the gold fix, one edit per hunk with the least context that is unique in the file
    rollout-4  the gold fix again, each edit with the hunk's whole context (the same patch: a fourth candidate that
               de-duplication should put in rollout 3's cluster)
    testgen-1  (with --testgen, Python rows) a test writer that creates reproduce_issue.py: it runs the row's
               FAIL_TO_PASS tests, taken from the test files as the row's test_patch leaves them, with pytest on
               copies outside the tree; so it fails on the base code and passes with the gold fix. It knows the
               hidden tests: use it only where the sessions are scripted anyway (the batch), never to measure selection.

Each session's edits are replayed on the base text here and checked against the patch applied by line numbers; a
row whose patch does not match its base file, or whose files cannot be read from the mirror, is skipped with a
line on stderr naming the cause. Python 3 standard library only.

usage: real_sessions.py --tasks FILE --mirror owner/name=PATH [--mirror ...] --out DIR [--ids ID,ID] [--testgen]
prints one line per row; writes OUT/generated.txt (the ids with sessions). Exit 1 when no row got sessions.
"""
import argparse
import ast
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scripted_session  # noqa: E402

LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def lines_of(text):
    """Lines with their "\\n" (only "\\n" ends a line: str.splitlines would also split on \\f, \\x1c, ...)."""
    return LINE.findall(text)


class PatchError(Exception):
    pass


def parse_patch(diff):
    """[{path, old_path, new_file, deleted, hunks: [{old_start, lines: [(tag, text)]}]}] of a git diff."""
    files, cur, hunk = [], None, None
    src = lines_of(diff)
    i = 0
    while i < len(src):
        line = src[i]
        if line.startswith("diff --git "):
            cur = {"path": None, "old_path": None, "new_file": False, "deleted": False, "hunks": []}
            files.append(cur)
            hunk = None
        elif cur is not None and hunk is None and line.startswith("--- "):
            p = line[4:].rstrip("\n").split("\t")[0]
            cur["old_path"] = None if p == "/dev/null" else p[2:]
            cur["new_file"] = p == "/dev/null"
        elif cur is not None and hunk is None and line.startswith("+++ "):
            p = line[4:].rstrip("\n").split("\t")[0]
            cur["path"] = None if p == "/dev/null" else p[2:]
            cur["deleted"] = p == "/dev/null"
        elif cur is not None and line.startswith("@@"):
            m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", line)
            if not m:
                raise PatchError(f"unreadable hunk header: {line.strip()}")
            hunk = {"old_start": int(m.group(1)), "old_len": int(m.group(2) or 1), "new_len": int(m.group(4) or 1),
                    "lines": []}
            cur["hunks"].append(hunk)
        elif hunk is not None and line[:1] in (" ", "-", "+"):
            hunk["lines"].append((line[0], line[1:]))
        elif hunk is not None and line.startswith("\\"):
            # "\ No newline at end of file": the previous line has no newline
            tag, text = hunk["lines"][-1]
            hunk["lines"][-1] = (tag, text[:-1] if text.endswith("\n") else text)
        elif hunk is not None and line == "\n":
            # an empty context line whose leading space was stripped by some tool
            hunk["lines"].append((" ", "\n"))
        i += 1
    for f in files:
        if f["path"] is None and not f["deleted"]:
            raise PatchError("a file section without a +++ line")
    return files


def apply_hunks(base_lines, hunks, path):
    """The file after the hunks, applied by line number with their context checked (raises PatchError)."""
    out, pos = [], 0
    for h in hunks:
        start = h["old_start"] - 1 if h["old_len"] > 0 else h["old_start"]
        old = [t for tag, t in h["lines"] if tag in " -"]
        if base_lines[start:start + len(old)] != old:
            raise PatchError(f"{path}: hunk at line {h['old_start']} does not match the base file")
        out.extend(base_lines[pos:start])
        out.extend(t for tag, t in h["lines"] if tag in " +")
        pos = start + len(old)
    out.extend(base_lines[pos:])
    return out


def occurrences(text, needle):
    n, i = 0, text.find(needle)
    while i >= 0:
        n += 1
        i = text.find(needle, i + 1)
    return n


def change_blocks(hunk):
    """[(old_offset, old_count, new_lines)] of each run of -/+ lines in a hunk (offsets within its old side)."""
    blocks, off, cur = [], 0, None
    for tag, text in hunk["lines"]:
        if tag == " ":
            if cur:
                blocks.append(cur)
                cur = None
            off += 1
        else:
            if cur is None:
                cur = [off, 0, []]
            if tag == "-":
                cur[1] += 1
                off += 1
            else:
                cur[2].append(text)
    if cur:
        blocks.append(cur)
    return [tuple(b) for b in blocks]


def edit_for(cur_lines, start, count, new, whole=None):
    """A str_replace (old_str, new_str) replacing cur_lines[start:start+count] by new, with the least context that
    makes old_str occur once in the file; with whole=(a, b), the context is exactly cur_lines[a:b]."""
    text = "".join(cur_lines)
    if whole is not None:
        a, b = whole
        old = "".join(cur_lines[a:b])
        if old and occurrences(text, old) == 1:
            return old, "".join(cur_lines[a:start]) + "".join(new) + "".join(cur_lines[start + count:b])
    before, after = 0, 0
    while True:
        a, b = start - before, start + count + after
        old = "".join(cur_lines[a:b])
        if old.strip() and occurrences(text, old) == 1:
            return old, "".join(cur_lines[a:start]) + "".join(new) + "".join(cur_lines[start + count:b])
        grew = False
        if a > 0 and (before <= after or b >= len(cur_lines)):
            before, grew = before + 1, True
        elif b < len(cur_lines):
            after, grew = after + 1, True
        elif a > 0:
            before, grew = before + 1, True
        if not grew:
            raise PatchError("no unique context for an edit (the whole file is ambiguous)")


def plan_edits(base_lines, hunks, blocks_of=None, whole_context=False):
    """str_replace edits, top to bottom, that turn base_lines into the hunks' result (or, with blocks_of, only the
    chosen change blocks: {hunk index: [block index, ...]}). Returns (edits, resulting lines)."""
    cur = list(base_lines)
    edits, shift = [], 0
    for hi, h in enumerate(hunks):
        h_start = (h["old_start"] - 1 if h["old_len"] > 0 else h["old_start"]) + shift
        h_old_len = sum(1 for tag, _ in h["lines"] if tag in " -")
        blocks = change_blocks(h)
        chosen = range(len(blocks)) if blocks_of is None else blocks_of.get(hi, [])
        if not chosen:
            continue
        picked = [blocks[i] for i in chosen]
        # one edit per hunk: from the first chosen block's start to the last one's end
        first_off = picked[0][0]
        last_off, last_count = picked[-1][0], picked[-1][1]
        span_old = cur[h_start + first_off:h_start + last_off + last_count]
        new, off = [], first_off
        for b_off, b_count, b_new in picked:
            new.extend(cur[h_start + off:h_start + b_off])
            new.extend(b_new)
            off = b_off + b_count
        start, count = h_start + first_off, len(span_old)
        whole = (h_start, h_start + h_old_len) if whole_context else None
        old_str, new_str = edit_for(cur, start, count, new, whole)
        if old_str == new_str:
            continue
        edits.append((old_str, new_str))
        text = "".join(cur)
        assert occurrences(text, old_str) == 1
        cur = lines_of(text.replace(old_str, new_str, 1))
        shift += len(new) - count
    return edits, cur


def git_show(mirror, commit, path):
    r = subprocess.run(["git", "--git-dir", mirror, "show", f"{commit}:{path}"], capture_output=True,
                       env=dict(os.environ, GIT_NO_LAZY_FETCH="1", GIT_TERMINAL_PROMPT="0"))
    if r.returncode != 0:
        err = r.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PatchError(f"git --git-dir {mirror} show {commit[:12]}:{path} failed: {err[-1] if err else 'exit ' + str(r.returncode)}")
    return r.stdout.decode("utf-8")


def compiles(path, lines):
    if not path.endswith(".py"):
        return True
    try:
        ast.parse("".join(lines), filename=path)
        return True
    except (SyntaxError, ValueError):
        return False


def Session(model, label):
    return scripted_session.Session(model, label, 2600)


def fix_session(iid, kind, label, file_edits, check_cmd):
    s = Session(f"scripted:{iid}/{kind}", label)
    s.say("Let me look at the code the issue is about.", "view", path=file_edits[0][0])
    for path, edits in file_edits:
        for old, new in edits:
            s.say(f"Changing {path}.", "edit", command="str_replace", path=path, old_str=old, new_str=new)
    if check_cmd:
        s.say("Checking that the changed modules still import.", "bash", command=check_cmd)
    s.submit("Done.", label)
    return s.json()


def import_check(paths):
    mods = []
    for p in paths:
        if p.endswith(".py") and "/tests/" not in p and not os.path.basename(p).startswith("test_"):
            m = p[:-3].replace("/", ".")
            if m.endswith(".__init__"):
                m = m[: -len(".__init__")]
            mods.append(m)
    return f"python3 -c 'import {', '.join(mods)}'" if mods else None


def comment_decoy(path, base_lines, hunk):
    """A comment line added just above the hunk's first change, with its indentation (a plausible no-op "fix")."""
    blocks = change_blocks(hunk)
    start = (hunk["old_start"] - 1 if hunk["old_len"] > 0 else hunk["old_start"]) + blocks[0][0]
    ref = base_lines[start] if start < len(base_lines) else (base_lines[-1] if base_lines else "")
    indent = re.match(r"[ \t]*", ref).group(0)
    mark = "#" if path.endswith(".py") else "//"
    line = f"{indent}{mark} NOTE: the reported case is handled below\n"
    cur = list(base_lines)
    old, new = edit_for(cur, start, 0, [line])
    return [(old, new)], lines_of("".join(cur).replace(old, new, 1))


def sessions_for(task, mirror):
    iid, base = task["instance_id"], task["base_commit"]
    files = parse_patch(task["patch"])
    if not files:
        raise PatchError("the gold patch has no file sections")
    bases, gold_after = {}, {}
    for f in files:
        if f["new_file"]:
            bases[f["path"]] = []
        elif f["deleted"]:
            raise PatchError(f"the gold patch deletes {f['old_path']}: not scripted")
        else:
            if f["old_path"] != f["path"]:
                raise PatchError(f"the gold patch renames {f['old_path']} to {f['path']}: not scripted")
            bases[f["path"]] = lines_of(git_show(mirror, base, f["path"]))
        gold_after[f["path"]] = apply_hunks(bases[f["path"]], f["hunks"], f["path"])

    def gold(whole):
        out = []
        for f in files:
            if f["new_file"]:
                out.append((f["path"], None, "".join(gold_after[f["path"]])))
                continue
            edits, after = plan_edits(bases[f["path"]], f["hunks"], whole_context=whole)
            if after != gold_after[f["path"]]:
                raise PatchError(f"{f['path']}: replaying the str_replace edits does not give the gold result")
            out.append((f["path"], edits, None))
        return out

    # the wrong fix: part of the gold change, else a comment next to it
    modified = [f for f in files if not f["new_file"]]
    all_hunks = [(f, hi) for f in modified for hi in range(len(f["hunks"]))]
    decoy, decoy_label = None, None
    if len(all_hunks) >= 2:
        keep = all_hunks[:-1]
        per_file = {}
        for f, hi in keep:
            per_file.setdefault(f["path"], {})[hi] = list(range(len(change_blocks(f["hunks"][hi]))))
        decoy = []
        for f in modified:
            if f["path"] in per_file:
                edits, after = plan_edits(bases[f["path"]], f["hunks"], blocks_of=per_file[f["path"]])
                decoy.append((f["path"], edits, after))
        decoy_label = f"scripted: partial fix, {len(keep)} of the gold patch's {len(all_hunks)} hunks (decoy)"
    elif all_hunks and len(change_blocks(all_hunks[0][0]["hunks"][0])) >= 2:
        f = all_hunks[0][0]
        edits, after = plan_edits(bases[f["path"]], f["hunks"], blocks_of={0: [0]})
        decoy = [(f["path"], edits, after)]
        decoy_label = "scripted: partial fix, the first changed block of the gold hunk only (decoy)"
    if decoy is not None and (not all(compiles(p, after) for p, _, after in decoy)
                              or all(after == gold_after[p] for p, _, after in decoy)):
        decoy = None
    if decoy is None:
        if not all_hunks:
            raise PatchError("the gold patch only adds files: no wrong fix to derive")
        f = all_hunks[0][0]
        edits, after = comment_decoy(f["path"], bases[f["path"]], f["hunks"][0])
        if not compiles(f["path"], after):
            raise PatchError(f"{f['path']}: no wrong fix that still compiles")
        decoy = [(f["path"], edits, after)]
        decoy_label = "scripted: adds a comment next to the code the fix changes, no real change (decoy)"

    check = import_check([p for p in gold_after])
    sessions = []
    sessions.append(fix_session(iid, "wrong", decoy_label, [(p, e) for p, e, _ in decoy], check))
    nothing = Session(f"scripted:{iid}/nothing", "scripted: changes nothing, submits at once (decoy)")
    nothing.submit("I see nothing to change.", "no change")
    sessions.append(nothing.json())
    for kind, whole, label in (("gold-a", False, "scripted: applies the gold fix (least context per edit)"),
                               ("gold-b", True, "scripted: applies the gold fix (whole hunk context per edit)")):
        planned = gold(whole)
        s = Session(f"scripted:{iid}/{kind}", label)
        first = next((p for p, e, _ in planned if e is not None), planned[0][0])
        s.say("Let me look at the code the issue is about.", "view", path=first)
        for path, edits, created in planned:
            if created is not None:
                s.say(f"Adding {path}.", "edit", command="create", path=path, file_text=created)
            for old, new in edits or []:
                s.say(f"Changing {path}.", "edit", command="str_replace", path=path, old_str=old, new_str=new)
        if check:
            s.say("Checking that the changed modules still import.", "bash", command=check)
        s.submit("Done.", label)
        sessions.append(s.json())
    return sessions


REPRO = '''"""Reproduction of {iid} (scripted from the row's test patch): runs its FAIL_TO_PASS tests
{names} on copies of the test files as the fix's tests leave them; exits non-zero while the issue is there."""
import json
import os
import subprocess
import sys
import tempfile

FILES = json.loads({files!r})
TARGETS = json.loads({targets!r})
d = tempfile.mkdtemp(prefix="repro-")
args = []
for i, (path, text) in enumerate(sorted(FILES.items())):
    copy = os.path.join(d, "repro_%d_%s" % (i, os.path.basename(path)))
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text)
    args += [copy + "::" + name for name in TARGETS[path]]
sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", d] + args))
'''


def testgen_session(task, mirror):
    """A test writer creating reproduce_issue.py from the row's FAIL_TO_PASS tests (Python rows), or None with why."""
    iid = task["instance_id"]
    f2p = task.get("FAIL_TO_PASS") or "[]"
    names = json.loads(f2p) if isinstance(f2p, str) else list(f2p)
    if not names:
        return None, "the row lists no FAIL_TO_PASS tests"
    files, targets = {}, {}
    test_files = parse_patch(task.get("test_patch") or "")
    if not any((f["path"] or "").endswith(".py") for f in test_files):
        return None, "scripted test writers are made for Python (pytest) rows only; this row's test patch has no .py file"
    for f in test_files:
        if f["deleted"] or not f["path"].endswith(".py"):
            continue
        base = [] if f["new_file"] else lines_of(git_show(mirror, task["base_commit"], f["path"]))
        text = "".join(apply_hunks(base, f["hunks"], f["path"]))
        found = [n for n in names if re.search(r"^def " + re.escape(n) + r"\(", text, re.M)]
        if found:
            files[f["path"]], targets[f["path"]] = text, found
    missing = [n for n in names if not any(n in t for t in targets.values())]
    if not files or missing:
        return None, ("FAIL_TO_PASS tests not found as module-level functions of the test patch's files: "
                      + ", ".join(missing or names))
    script = REPRO.format(iid=iid, names=", ".join(names), files=json.dumps(files), targets=json.dumps(targets))
    s = Session(f"scripted:{iid}/testgen-f2p", "scripted: reproduction test from the row's FAIL_TO_PASS tests, no fix")
    s.say("Writing a test that shows the problem.", "edit", command="create", path="reproduce_issue.py", file_text=script)
    s.say("It should fail on the current code.", "bash", command="python3 reproduce_issue.py")
    s.say("The test fails for the reason in the issue.", "submit", summary="reproduction test")
    return s.json(), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=PATH")
    ap.add_argument("--out", required=True)
    ap.add_argument("--ids", default="", help="comma-separated instance ids (default: every row)")
    ap.add_argument("--testgen", action="store_true", help="also write testgen-1.json (Python rows)")
    a = ap.parse_args()
    mirrors = {}
    for m in a.mirror:
        repo, sep, path = m.partition("=")
        if not sep:
            ap.error(f"--mirror wants OWNER/NAME=PATH, not: {m}")
        mirrors[repo] = path
    wanted = set(filter(None, a.ids.split(",")))
    rows = [json.loads(l) for l in open(a.tasks, encoding="utf-8") if l.strip()]
    os.makedirs(a.out, exist_ok=True)
    done = []
    for task in rows:
        iid = task.get("instance_id", "?")
        if wanted and iid not in wanted:
            continue
        mirror = mirrors.get(task.get("repo"))
        if mirror is None:
            print(f"{iid}: SKIPPED: no mirror given for {task.get('repo')} (--mirror {task.get('repo')}=PATH)", file=sys.stderr)
            continue
        try:
            sessions = sessions_for(task, mirror)
        except (PatchError, UnicodeDecodeError) as e:
            print(f"{iid}: SKIPPED: {e}", file=sys.stderr)
            continue
        d = os.path.join(a.out, iid)
        os.makedirs(d, exist_ok=True)
        for k, s in enumerate(sessions, start=1):
            with open(os.path.join(d, f"rollout-{k}.json"), "w", encoding="utf-8") as f:
                json.dump(s, f, indent=1)
                f.write("\n")
        done.append(iid)
        print(f"{iid}: {len(sessions)} sessions: " + "; ".join(s["label"].removeprefix("scripted: ") for s in sessions))
        if a.testgen:
            try:
                tg, why = testgen_session(task, mirror)
            except (PatchError, UnicodeDecodeError) as e:
                tg, why = None, str(e)
            if tg is None:
                print(f"{iid}: no test writer: {why}", file=sys.stderr)
            else:
                with open(os.path.join(d, "testgen-1.json"), "w", encoding="utf-8") as f:
                    json.dump(tg, f, indent=1)
                    f.write("\n")
                print(f"{iid}: test writer: reproduce_issue.py runs " + ", ".join(json.loads(task["FAIL_TO_PASS"])
                      if isinstance(task["FAIL_TO_PASS"], str) else task["FAIL_TO_PASS"]))
    with open(os.path.join(a.out, "generated.txt"), "w") as f:
        f.write("".join(i + "\n" for i in done))
    if not done:
        print("real_sessions: no row got sessions", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
