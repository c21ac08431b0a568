#!/usr/bin/env python3
"""The data side of scripts/bench-runners: a spec for sympy's own runner made from a pytest spec, and the agreement
table of two runners' eval runs. Python 3 standard library only.

  spec   --from SPEC.yaml --out OUT.yaml   the same environments with sympy's bin/test and result_format sympy
  keep   --tasks T.jsonl --predictions P.jsonl --out OUT.jsonl   the predictions of T's rows only
  compare --out DIR --sets a,b,... [--labels labels.json]   reads DIR/<runner>/<set>/summary.json and reports
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from bench_real import pct, read_rows, write_rows  # noqa: E402

RUNNERS = ("pytest", "bintest")
# bin/test starts with "#!/usr/bin/env python"; Debian's image has python3 only (SWE-bench's conda env has python).
BIN_TEST = "PYTHONWARNINGS='ignore::UserWarning,ignore::SyntaxWarning' python3 bin/test -C --verbose {test_files}"


def cmd_spec(a):
    text = open(a.spec_from, encoding="utf-8").read()
    out, n = re.subn(r"(?m)^(\s*)test_command:.*$", lambda m: m.group(1) + "test_command: " + json.dumps(BIN_TEST), text)
    out, k = re.subn(r"(?m)^(\s*)result_format:.*$", lambda m: m.group(1) + "result_format: sympy", out)
    if n == 0 or n != k:
        sys.exit(f"{a.spec_from}: expected one test_command and one result_format per entry, found {n} and {k}")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# Made by scripts/lib/runner_agreement.py from " + a.spec_from + ": sympy's bin/test, as SWE-bench runs it.\n")
        f.write(out)


def cmd_keep(a):
    ids = {r["instance_id"] for r in read_rows(a.tasks)}
    kept = [p for p in read_rows(a.predictions) if p.get("instance_id") in ids]
    write_rows(a.out, kept)
    print(len(kept))


def statuses(run_dir):
    s = json.load(open(os.path.join(run_dir, "summary.json")))
    out = {}
    for key in ("resolved_ids", "unresolved_ids", "empty_patch_ids", "error_ids"):
        for i in s.get(key, []):
            out.setdefault(i, key[:-4])
    for key in ("partial_ids", "flaky_ids", "patch_failed_ids", "timeout_ids", "no_results_ids"):
        for i in s.get(key, []):
            out[i] = key[:-4]
    return out


def cmd_compare(a):
    labels = json.load(open(a.labels))["resolved_by_run"] if a.labels and os.path.exists(a.labels) else {}
    total = agree = 0
    label_total = {r: 0 for r in RUNNERS}
    label_agree = {r: 0 for r in RUNNERS}
    lines, figures = [], {"sets": {}}
    for name in a.sets.split(","):
        by = {r: statuses(os.path.join(a.out, r, name)) for r in RUNNERS}
        ids = sorted(set(by["pytest"]) | set(by["bintest"]))
        same = [i for i in ids if (by["pytest"].get(i) == "resolved") == (by["bintest"].get(i) == "resolved")]
        differ = [f"{i} (pytest {by['pytest'].get(i, 'missing')}, bin/test {by['bintest'].get(i, 'missing')})"
                  for i in ids if i not in same]
        total += len(ids)
        agree += len(same)
        errors = {r: sorted(i for i in ids if by[r].get(i) in ("error", "no_results")) for r in RUNNERS}
        fig = {"instances": len(ids), "same_verdict": len(same), "differ": differ, "errors": errors,
               "resolved": {r: sorted(i for i in ids if by[r].get(i) == "resolved") for r in RUNNERS}}
        if name in labels:
            official = set(labels[name])
            for r in RUNNERS:
                ok = [i for i in ids if (by[r].get(i) == "resolved") == (i in official)]
                label_total[r] += len(ids)
                label_agree[r] += len(ok)
                fig["labels_" + r] = len(ok)
        figures["sets"][name] = fig
        line = (f"{name:22} {len(ids):3} instances: same verdict {len(same):3} ({pct(len(same), len(ids))}); "
                f"resolved pytest {len(fig['resolved']['pytest'])}, bin/test {len(fig['resolved']['bintest'])}")
        if errors["pytest"] or errors["bintest"]:
            line += f"; error/no_results pytest {len(errors['pytest'])}, bin/test {len(errors['bintest'])}"
        if name in labels:
            line += f"; SWE-bench labels matched: pytest {fig['labels_pytest']}, bin/test {fig['labels_bintest']}"
        lines.append(line + ("" if not differ else "\n    differ: " + "; ".join(differ)))
    print("\n".join(lines))
    summary = f"all: {agree} of {total} instance gradings give the same verdict under pytest and bin/test ({pct(agree, total)})"
    if any(label_total.values()):
        summary += (f"; against SWE-bench's labels: pytest {label_agree['pytest']}/{label_total['pytest']},"
                    f" bin/test {label_agree['bintest']}/{label_total['bintest']}")
    print(summary)
    figures.update({"instances": total, "same_verdict": agree, "labels_agree": label_agree, "labels_total": label_total})
    with open(os.path.join(a.out, "agreement.json"), "w") as f:
        json.dump(figures, f, indent=1)
        f.write("\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("spec")
    s.add_argument("--from", dest="spec_from", required=True)
    s.add_argument("--out", required=True)
    s.set_defaults(fn=cmd_spec)
    k = sub.add_parser("keep")
    k.add_argument("--tasks", required=True)
    k.add_argument("--predictions", required=True)
    k.add_argument("--out", required=True)
    k.set_defaults(fn=cmd_keep)
    c = sub.add_parser("compare")
    c.add_argument("--out", required=True)
    c.add_argument("--sets", required=True)
    c.add_argument("--labels")
    c.set_defaults(fn=cmd_compare)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
