#!/usr/bin/env python3
"""The data side of scripts/bench-real: row subsets, generated predictions, figures read from the runs' output,
the instance-tree check and the final summary. Python 3 standard library only; the docker CLI for `trees`.

Every figure a subcommand computes is printed and saved as OUT_SET/figures/<phase>.json; `summary` reads them all.
Subcommands (see each one's --help): subset, repos, mirrors, predictions, eval-figures, batch-report, trees,
select-grade, select-report, summary.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timezone


def read_rows(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def save_figures(set_dir, phase, figures):
    d = os.path.join(set_dir, "figures")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, phase + ".json"), "w") as f:
        json.dump(figures, f, indent=1)
        f.write("\n")


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


# ---- subset, repos, mirrors, predictions ------------------------------------------------------------------------

def cmd_subset(a):
    rows = read_rows(a.tasks)
    if a.filter:
        rx = re.compile(a.filter)
        rows = [r for r in rows if rx.search(r.get("instance_id", ""))]
    if a.rows:
        rows = rows[:a.rows]
    write_rows(a.out, rows)
    print(" ".join(r.get("instance_id", "?") for r in rows))


def cmd_repos(a):
    seen = []
    for r in read_rows(a.tasks):
        if r.get("repo") and r["repo"] not in seen:
            seen.append(r["repo"])
    print("\n".join(seen))


def cmd_mirrors(a):
    m = {}
    for pair in a.pair:
        repo, _, path = pair.partition("=")
        m[repo] = os.path.abspath(path)
    with open(a.out, "w") as f:
        json.dump(m, f, indent=1)
        f.write("\n")


def cmd_predictions(a):
    rows = read_rows(a.tasks)
    out = []
    if a.kind == "empty":
        out = [{"instance_id": r["instance_id"], "model_name_or_path": "bench-real-empty", "model_patch": ""} for r in rows]
    else:
        donors = read_rows(a.donors)
        ids = [d["instance_id"] for d in donors]
        for r in rows:
            # another issue's real fix: the next row of the whole set (wrapping) with a different patch, one of the
            # same version first (its files are more likely to be there and the patch to apply)
            i = ids.index(r["instance_id"]) if r["instance_id"] in ids else -1
            order = [donors[(i + k) % len(donors)] for k in range(1, len(donors) + 1)]
            order = [d for d in order if d["instance_id"] != r["instance_id"] and d.get("patch")
                     and d["patch"] != r.get("patch")]
            order.sort(key=lambda d: d.get("version") != r.get("version"))  # stable: keeps the wrap order
            donor = order[0] if order else None
            if donor is None:
                print(f"{r['instance_id']}: no other row's gold patch to swap in", file=sys.stderr)
                continue
            out.append({"instance_id": r["instance_id"], "model_name_or_path": "bench-real-swapped:" + donor["instance_id"],
                        "model_patch": donor["patch"]})
    write_rows(a.out, out)
    print(len(out))


# ---- eval figures -----------------------------------------------------------------------------------------------

def cmd_eval_figures(a):
    s = json.load(open(a.summary))
    rows = [r["instance_id"] for r in read_rows(a.tasks)]
    submitted = s.get("submitted_ids", [])
    invalid = set(s.get("invalid_ids", []))
    valid = [i for i in submitted if i not in invalid]
    not_loaded = [i for i in rows if i not in submitted]
    resolved = s.get("resolved_ids", [])
    errors = s.get("error_ids", [])
    fig = {"rows": len(rows), "valid": len(valid), "resolved": len(resolved), "errors": len(errors),
           "resolved_ids": resolved, "error_ids": errors, "not_loaded": not_loaded, "expect": a.expect,
           "empty_patch": len(s.get("empty_patch_ids", [])), "patch_failed": len(s.get("patch_failed_ids", [])),
           "test_seconds": s.get("test_duration")}
    if a.expect == "all":
        fig["met"] = len(valid) > 0 and len(resolved) == len(valid) and not errors
        line = f"{a.label}: resolved {len(resolved)} of {len(valid)} valid rows ({pct(len(resolved), len(valid))}; target 100%)"
        missed = [i for i in valid if i not in resolved]
        if missed:
            line += "; not resolved: " + ", ".join(missed)
    else:
        fig["met"] = len(resolved) == 0 and not errors
        line = f"{a.label}: resolved {len(resolved)} of {len(valid)} valid rows (target 0)"
        if fig["patch_failed"]:
            line += f"; the patch did not apply on {fig['patch_failed']}"
        if resolved:
            line += "; resolved anyway: " + ", ".join(resolved)
    if errors:
        line += f"; ERROR on {len(errors)}: " + ", ".join(errors)
    if not_loaded:
        line += f"; {len(not_loaded)} row(s) not loaded (invalid): " + ", ".join(not_loaded)
    print(line + ("" if fig["met"] else "   MISSED"))
    save_figures(a.set_dir, a.label, fig)


# ---- batch ------------------------------------------------------------------------------------------------------

ISO = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$")


def seconds_of(v):
    """A duration as seconds: numbers are milliseconds, strings ISO-8601 ("PT2.5S")."""
    if isinstance(v, (int, float)):
        return v / 1000.0
    if isinstance(v, str):
        m = ISO.match(v)
        if m:
            d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
            return d * 86400 + h * 3600 + mi * 60 + s
    return None


def recorded_verification_seconds(sel):
    """A verification wall time the report records itself, if it does: (seconds, field)."""
    for key in ("verification_ms", "verification_wall_ms", "verify_ms", "verification_seconds"):
        if key in sel:
            v = sel[key]
            return (v if key.endswith("seconds") else seconds_of(v)), key
    comp = (sel.get("verification") or {}).get("compute") or {}
    for key in ("wallTime", "wall_time", "wall", "wallMs", "duration"):
        if key in comp:
            return seconds_of(comp[key]), "verification.compute." + key
    return None, None


def instance_dir(iid):
    """As the harness names an instance's directory (ReportFiles.instanceDir)."""
    safe = re.sub(r"[^A-Za-z0-9._+-]", "_", iid.replace("/", "__"))
    return "_" + safe if safe == "" or set(safe) == {"."} else safe


def graded(eval_dir, iid):
    p = os.path.join(eval_dir, instance_dir(iid), "report.json")
    if not os.path.exists(p):
        return "-"
    rep = json.load(open(p))
    body = rep.get(iid, rep)
    return "RESOLVED" if body.get("resolved") else body.get("status", "unresolved")


def cmd_batch_report(a):
    run = json.load(open(os.path.join(a.batch, "run.json")))
    tasks = sorted(run.get("tasks", []), key=lambda t: t["instance_id"])
    rows, verify, derived_any, recorded_any = [], [], False, None
    print(f"{'instance_id':30} {'selection':10} {'chosen':10} {'cands':>5} {'regr':>4} {'verify s':>8} {'sandbox s':>9} "
          f"{'task s':>7}  graded   candidate states")
    for t in tasks:
        iid = t["instance_id"]
        tdir = os.path.join(a.batch, "tasks", iid)
        sel_path = os.path.join(tdir, "selection.json")
        sel = json.load(open(sel_path)) if os.path.exists(sel_path) else {}
        cands = len(sel.get("rollouts", [])) or t.get("ran", 0)
        v, field = recorded_verification_seconds(sel)
        if v is None and os.path.exists(sel_path):
            # not recorded: from the files' times, selection.json (written when the task ends) minus the last
            # rollout's candidate.json (verification starts once every rollout has ended)
            ends = [os.path.getmtime(p) for p in glob.glob(os.path.join(tdir, "rollouts", "*", "candidate.json"))]
            if ends:
                v = os.path.getmtime(sel_path) - max(ends)
                derived_any = True
        elif v is not None:
            recorded_any = field
        comp = (sel.get("verification") or {}).get("compute") or {}
        sandbox = seconds_of(comp.get("sandboxTime")) if comp.get("sandboxTime") is not None else None
        states = ",".join(f"{e.get('candidateId', '?').replace('rollout-', 'r')}:{e.get('patchState', '?')}"
                          for e in ((sel.get("selection") or {}).get("evidence") or []))
        g = graded(a.eval, iid) if a.eval else "-"
        rows.append({"instance_id": iid, "status": t.get("status"), "chosen": t.get("chosen"), "candidates": cands,
                     "verify_seconds": v, "sandbox_seconds": sandbox, "task_seconds": t.get("wall_ms", 0) / 1000.0,
                     "graded": g, "reasons": t.get("reasons", []), "regression_tests": sel.get("regression_tests"),
                     "reproduction_kept": len((sel.get("reproduction_scripts") or {}).get("kept") or [])})
        if v is not None:
            verify.append((v, cands, iid))
        print(f"{iid:30} {str(t.get('status')):10} {str(t.get('chosen') or '-'):10} {cands:5} "
              f"{sel.get('regression_tests', '-'):>4} "
              f"{('%.1f' % v) if v is not None else '-':>8} {('%.1f' % sandbox) if sandbox is not None else '-':>9} "
              f"{t.get('wall_ms', 0) / 1000.0:7.1f}  {g:8} {states}")
        if t.get("status") in ("ABSTAINED", "ERROR") and t.get("reasons"):
            print(f"{'':30}   {t['status'].lower()}: " + "; ".join(t["reasons"])[:300])
    if recorded_any:
        how = f"recorded by the run ({recorded_any})"
    elif derived_any:
        how = ("NOT recorded by the run: derived from file times, selection.json minus the last rollout's "
               "candidate.json (test writers, base checks and the test matrix); 'sandbox s' is the verifiers' summed "
               "sandbox time (verification.compute.sandboxTime)")
    else:
        how = "not available"
    print(f"verification time per task: {how}")
    resolved = [r["instance_id"] for r in rows if r["graded"] == "RESOLVED"]
    print(f"batch + eval: resolved {len(resolved)} of {len(rows)} rows ({pct(len(resolved), len(rows))}); "
          f"selected {sum(1 for r in rows if r['status'] == 'SELECTED')}, abstained "
          f"{sum(1 for r in rows if r['status'] == 'ABSTAINED')}, error {sum(1 for r in rows if r['status'] == 'ERROR')}")
    four = [x for x in verify if x[1] >= 4]
    worst = max(four) if four else (max(verify) if verify else None)
    fig = {"rows": len(rows), "resolved": len(resolved), "tasks": rows, "verification_time_source": how,
           "max_verify_seconds": worst[0] if worst else None, "max_verify_instance": worst[2] if worst else None,
           "max_verify_candidates": worst[1] if worst else None}
    save_figures(a.set_dir, "batch", fig)


# ---- instance trees ---------------------------------------------------------------------------------------------

def image_key_prefix(iid):
    """The start of the instance image tag of a task (InstancePreparer.key): "<id>-" then a hex hash."""
    k = re.sub(r"[^a-z0-9._-]", "-", iid.lower())
    if len(k) > 80:
        k = k[-80:]
    if not k[0].isalnum():
        k = "t" + k
    return k + "-"


def docker(*args, check=True):
    r = subprocess.run(["docker", *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"trees: docker {' '.join(args[:3])} ... failed (exit {r.returncode}): {r.stderr.strip()[-400:]}")
    return r


CHECK = ('cd "$1" || exit 97; g() { git -c safe.directory="*" "$@"; }; '
         'echo "HEAD $(g rev-parse HEAD 2>&1)"; g status --porcelain --untracked-files=all 2>&1; echo "RC $?"')


def cmd_trees(a):
    rows = read_rows(a.tasks)
    tags = docker("images", "fixpoint/instance", "--format", "{{.Tag}}").stdout.split()
    run_ids = set(filter(None, a.run_ids.split(",")))
    images, missing = [], []
    for r in rows:
        prefix = image_key_prefix(r["instance_id"])
        # "<key>.unchecked": a staging image the product bakes, then checks, before it gets its real tag
        mine = [t for t in tags if t.startswith(prefix) and re.fullmatch(r"[0-9a-f]{8,}(\.unchecked)?", t[len(prefix):])]
        if not mine:
            missing.append(r["instance_id"])
        images += [(r, "fixpoint/instance:" + t) for t in sorted(mine)]
    results, stray_total, changed_total, bad = [], 0, 0, 0
    for r, image in images:
        info = json.loads(docker("image", "inspect", image).stdout)[0]
        cfg = info.get("Config") or {}
        workdir = cfg.get("WorkingDir") or "/testbed"
        labels = cfg.get("Labels") or {}
        baked_by = labels.get("dev.fixpoint.image.baked-by-run") or labels.get("dev.fixpoint.run") or "?"
        p = docker("run", "--rm", "--network", "none", "--label", "dev.fixpoint.bench=bench-real", "--entrypoint", "/bin/sh",
                   image, "-c", CHECK, "sh", workdir, check=False)
        lines = p.stdout.splitlines()
        head = next((l[5:].strip() for l in lines if l.startswith("HEAD ")), "")
        status_rc = next((l[3:].strip() for l in lines if l.startswith("RC ")), "?")
        entries = [l for l in lines if not l.startswith(("HEAD ", "RC "))]
        stray = [l[3:] for l in entries if l.startswith("?? ")]
        changed = [l[3:] for l in entries if not l.startswith("?? ")]
        ok_head = head == r["base_commit"]
        ok = p.returncode == 0 and status_rc == "0" and ok_head and not stray and not changed
        stray_total += len(stray)
        changed_total += len(changed)
        bad += 0 if ok else 1
        when = info.get("Created", "")[:19].replace("T", " ")
        origin = "this run" if baked_by in run_ids else f"earlier run {baked_by}"
        if image.endswith(".unchecked"):
            origin += "; a staging image: not yet checked, or rejected by the product's own tree check"
        verdict = "exact" if ok else "NOT EXACT"
        print(f"{image}: {verdict}: HEAD {'= base' if ok_head else head[:60] + ' != base ' + r['base_commit'][:12]}, "
              f"{len(stray)} stray, {len(changed)} changed (baked {when} by {origin})")
        if p.returncode != 0 or status_rc != "0":
            print(f"    the check itself failed (exit {p.returncode}, git status {status_rc}): "
                  + (p.stderr.strip() or p.stdout.strip())[-300:])
        for l in (stray[:a.show] + changed[:a.show]):
            print(f"    {l}")
        if len(stray) > a.show:
            print(f"    ... {len(stray) - a.show} more stray files")
        results.append({"image": image, "instance_id": r["instance_id"], "exact": ok, "head_ok": ok_head,
                        "stray": len(stray), "changed": len(changed), "stray_files": stray[:200], "baked_by": baked_by})
    for iid in missing:
        print(f"{iid}: no instance image (fixpoint/instance:{image_key_prefix(iid)}<hash>): "
              + ("the batch did not make one (see its selection.json / run.json)" if a.expect_all else "no batch made one"))
    met = bool(images) and stray_total == 0 and bad == 0 and not (a.expect_all and missing)
    print(f"instance trees: {len(images) - bad} of {len(images)} image(s) exact; {stray_total} stray file(s), "
          f"{changed_total} changed file(s); {len(missing)} row(s) without an image (target: 0 stray)"
          + ("" if met else "   MISSED"))
    save_figures(a.set_dir, "trees", {"images": len(images), "exact": len(images) - bad, "stray": stray_total,
                                      "changed": changed_total, "missing": missing, "results": results, "met": met})


# ---- select -----------------------------------------------------------------------------------------------------

def load_candidates(pred_dir):
    """{run: {instance_id: patch}} of every predictions file (run = file name without .jsonl/.json)."""
    runs = {}
    for p in sorted(glob.glob(os.path.join(pred_dir, "*.jsonl")) + glob.glob(os.path.join(pred_dir, "*.json"))):
        run = re.sub(r"\.jsonl?$", "", os.path.basename(p))
        text = open(p, encoding="utf-8").read()
        if p.endswith(".json") and text.lstrip().startswith(("[", "{")):
            data = json.loads(text)
            items = data if isinstance(data, list) else list(data.values())
        else:
            items = [json.loads(l) for l in text.splitlines() if l.strip()]
        runs[run] = {i["instance_id"]: (i.get("model_patch") or "") for i in items}
    return runs


def select_state(a):
    rows = [r["instance_id"] for r in read_rows(a.tasks)]
    runs = load_candidates(a.predictions_dir)
    labels = json.load(open(a.labels))["resolved_by_run"] if a.labels and os.path.exists(a.labels) else None
    chosen = {}
    pred = os.path.join(a.select, "predictions.jsonl")
    if os.path.exists(pred):
        for p in read_rows(pred):
            chosen[p["instance_id"]] = p.get("model_patch") or ""
    return rows, runs, labels, chosen


def cmd_select_grade(a):
    """Grades chosen patches by label where a labelled candidate has the same text; the rest go to eval."""
    rows, runs, labels, chosen = select_state(a)
    by_label, to_eval = {}, []
    for iid in rows:
        patch = chosen.get(iid)
        if not patch:
            continue
        same = [run for run, preds in runs.items() if preds.get(iid) == patch and labels is not None and run in labels]
        if same:
            verdicts = {run: iid in labels[run] for run in same}
            by_label[iid] = {"resolved": any(verdicts.values()), "runs": verdicts}
        else:
            to_eval.append({"instance_id": iid, "model_name_or_path": "bench-real-select", "model_patch": patch})
    write_rows(a.out, to_eval)
    with open(a.out + ".labels.json", "w") as f:
        json.dump(by_label, f, indent=1)
    print(len(to_eval))


def cmd_select_report(a):
    rows, runs, labels, chosen = select_state(a)
    by_label = json.load(open(a.graded + ".labels.json")) if os.path.exists(a.graded + ".labels.json") else {}
    if labels is None:
        print(f"select: no labels.json ({a.labels}): oracle and random choice need every candidate's label; "
              f"only the chosen patches are graded")
    n_rows = solvable = unsolvable = 0
    random_expected = 0.0
    resolved = abstained_unsolvable = abstained_solvable = chose = contradicts = 0
    table = []
    for iid in rows:
        cands = {run: p[iid] for run, p in runs.items() if iid in p}
        if not cands:
            continue
        n_rows += 1
        good = [run for run in cands if labels is not None and iid in labels.get(run, [])]
        ok_rows = bool(good)
        solvable += ok_rows
        unsolvable += not ok_rows
        random_expected += len(good) / len(cands)
        patch = chosen.get(iid)
        sel_path = os.path.join(a.select, "tasks", iid, "selection.json")
        sel = json.load(open(sel_path)) if os.path.exists(sel_path) else {}
        if patch is None:
            verdict, how = "not run", "-"
        elif patch == "":
            verdict, how = "abstained", "-"
            if ok_rows:
                abstained_solvable += 1
            else:
                abstained_unsolvable += 1
        else:
            chose += 1
            if iid in by_label:
                res, how = by_label[iid]["resolved"], "label"
            else:
                res, how = graded(a.eval, iid) == "RESOLVED" if a.eval else False, "eval: " + (graded(a.eval, iid) if a.eval else "-")
            resolved += bool(res)
            contradicts += bool(res) and not ok_rows and labels is not None
            verdict = "RESOLVED" if res else "unresolved"
        src = (sel.get("candidates") or {}).get(sel.get("chosen") or "", "")
        table.append((iid, len(cands), len(good), verdict, how, os.path.basename(src.split(" ")[0]) if src else "-",
                      "; ".join(sel.get("selection", {}).get("reasons", []) or [])[:120] if patch == "" else ""))
    print(f"{'instance_id':30} {'cands':>5} {'good':>4}  {'select':10} {'graded by':10} chosen / why abstained")
    for t in table:
        print(f"{t[0]:30} {t[1]:5} {t[2]:4}  {t[3]:10} {t[4]:10} {t[5]} {t[6]}")
    fig = {"rows": n_rows, "solvable": solvable, "unsolvable": unsolvable, "chose": chose, "resolved": resolved,
           "random_expected": random_expected, "abstained_unsolvable": abstained_unsolvable,
           "abstained_solvable": abstained_solvable, "labelled": labels is not None}
    if labels is not None:
        acc_oracle = resolved / solvable if solvable else None
        prec = abstained_unsolvable / unsolvable if unsolvable else None
        fig.update(accuracy_vs_oracle=acc_oracle, abstention_precision=prec,
                   met=(resolved >= random_expected - 1e-9) and (prec is None or prec >= 0.9))
        print(f"select: {n_rows} rows with candidates ({sum(len([1 for p in runs.values() if i in p]) for i in rows)} "
              f"candidates); chose on {chose}, abstained on {n_rows - chose}")
        print(f"select: resolved {resolved}; oracle (any candidate resolves) {solvable}: accuracy vs oracle "
              f"{pct(resolved, solvable)}; random choice expects {random_expected:.2f} resolved "
              f"(ratio select / random {resolved / random_expected:.2f})" if random_expected else
              f"select: resolved {resolved}; oracle {solvable}; random choice expects 0 resolved")
        if contradicts:
            print(f"select: {contradicts} chosen patch(es) graded resolved here on rows no label marks solvable "
                  f"(eval disagrees with the labels, or a run without labels): accuracy vs oracle can exceed 100%")
        print(f"select: abstention precision on the {unsolvable} rows no candidate resolves: {abstained_unsolvable} "
              f"abstained ({pct(abstained_unsolvable, unsolvable)}; target >= 90%); abstained on {abstained_solvable} of "
              f"{solvable} solvable rows" + ("" if fig["met"] else "   MISSED"))
    else:
        print(f"select: chose on {chose} of {n_rows} rows; resolved {resolved}")
    save_figures(a.set_dir, "select", fig)


# ---- summary ----------------------------------------------------------------------------------------------------

def cmd_summary(a):
    phases = []
    path = os.path.join(a.out, "phases.tsv")
    if os.path.exists(path):
        phases = [l.rstrip("\n").split("\t") for l in open(path) if l.strip()]
    print("Wall time per phase")
    print(f"  {'set':8} {'phase':14} {'status':8} {'seconds':>8}  note")
    for p in phases:
        st, ph, status, secs, note = (p + [""] * 5)[:5]
        print(f"  {st:8} {ph:14} {status:8} {secs:>8}  {note}")
    print()
    print("Targets (issue 12)")
    print(f"  {'set':8} {'target':58} {'value':34} result")
    sets = sorted({p[0] for p in phases if p and p[0] != "-"})

    def line(st, target, value, met):
        print(f"  {st:8} {target:58} {value:34} {'met' if met else 'MISSED'}")

    for st in sets:
        fd = os.path.join(a.out, st, "figures")

        def fig(name):
            p = os.path.join(fd, name + ".json")
            return json.load(open(p)) if os.path.exists(p) else None

        g = fig("gold")
        if g:
            line(st, "gold resolves 100% of the valid rows", f"{g['resolved']}/{g['valid']} ({pct(g['resolved'], g['valid'])})"
                 + (f", {g['errors']} error" if g["errors"] else ""), g["met"])
        for name, what in (("empty", "empty patches resolve none"), ("swapped", "swapped gold patches resolve none")):
            e = fig(name)
            if e:
                line(st, what, f"{e['resolved']}/{e['valid']} resolved" + (f", {e['errors']} error" if e["errors"] else ""), e["met"])
        t = fig("trees")
        if t:
            line(st, "zero stray files in the instance images", (f"{t['stray']} stray, {t['images'] - t['exact']} of "
                 f"{t['images']} images not exact" if t["images"] else "no instance image found")
                 + (f", {len(t['missing'])} rows without" if t["missing"] else ""), t["met"])
        b = fig("batch")
        if b:
            v = b.get("max_verify_seconds")
            line(st, "verification of 4 candidates on one row < 5 min (2 cores)",
                 f"max {v:.0f} s ({b.get('max_verify_instance')}, {b.get('max_verify_candidates')} cands)" if v is not None
                 else "not measured", v is not None and v < 300 and (b.get("max_verify_candidates") or 0) >= 4)
            print(f"  {st:8} {'(figure) scripted batch + eval resolved':58} {b['resolved']}/{b['rows']}")
        s = fig("select")
        if s and s.get("labelled"):
            ratio = (f"{s['resolved']} vs random {s['random_expected']:.2f}, oracle {s['solvable']}")
            prec = s.get("abstention_precision")
            line(st, "select at least as accurate as random", ratio, s["resolved"] >= s["random_expected"] - 1e-9)
            line(st, "abstention precision >= 90% (rows no candidate resolves)",
                 f"{s['abstained_unsolvable']}/{s['unsolvable']} ({pct(s['abstained_unsolvable'], s['unsolvable'])})"
                 if s["unsolvable"] else "no such row in the run",
                 prec is None or prec >= 0.9)
    failed = [p for p in phases if len(p) > 2 and p[2] == "FAILED"]
    skipped = [p for p in phases if len(p) > 2 and p[2] == "SKIPPED"]
    print()
    if skipped:
        print("skipped: " + "; ".join(f"{p[0]} {p[1]} ({p[4] if len(p) > 4 else ''})" for p in skipped))
    if failed:
        print("FAILED phases (did not run to the end): " + ", ".join(f"{p[0]} {p[1]}" for p in failed))
    print(f"finished {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC')}; everything is in {a.out}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("subset", help="rows to run: --rows N first rows, --filter REGEX on instance ids")
    p.add_argument("--tasks", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--rows", type=int, default=0)
    p.add_argument("--filter", default="")
    p.set_defaults(fn=cmd_subset)
    p = sub.add_parser("repos", help="the repositories of a task file, one a line")
    p.add_argument("--tasks", required=True)
    p.set_defaults(fn=cmd_repos)
    p = sub.add_parser("mirrors", help="writes a mirror map JSON from OWNER/NAME=PATH pairs")
    p.add_argument("--out", required=True)
    p.add_argument("pair", nargs="+")
    p.set_defaults(fn=cmd_mirrors)
    p = sub.add_parser("predictions", help="empty patches, or each row's gold patch swapped for another row's")
    p.add_argument("--kind", choices=["empty", "swapped"], required=True)
    p.add_argument("--tasks", required=True)
    p.add_argument("--donors", help="the whole row set (swapped: donors of gold patches)")
    p.add_argument("--out", required=True)
    p.set_defaults(fn=cmd_predictions)
    p = sub.add_parser("eval-figures", help="figures of one eval run against what is expected")
    p.add_argument("--summary", required=True)
    p.add_argument("--tasks", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--expect", choices=["all", "none"], required=True)
    p.add_argument("--set-dir", required=True)
    p.set_defaults(fn=cmd_eval_figures)
    p = sub.add_parser("batch-report", help="per task: selection, candidates, verification time, graded")
    p.add_argument("--batch", required=True)
    p.add_argument("--eval")
    p.add_argument("--set-dir", required=True)
    p.set_defaults(fn=cmd_batch_report)
    p = sub.add_parser("trees", help="git status and HEAD inside every instance image of the rows")
    p.add_argument("--tasks", required=True)
    p.add_argument("--run-ids", default="", help="comma-separated run ids of this bench (to tell images it baked)")
    p.add_argument("--show", type=int, default=5, help="stray files listed per image")
    p.add_argument("--expect-all", action="store_true", help="a row without an image misses the target (the batch ran)")
    p.add_argument("--set-dir", required=True)
    p.set_defaults(fn=cmd_trees)
    for name, fn in (("select-grade", cmd_select_grade), ("select-report", cmd_select_report)):
        p = sub.add_parser(name)
        p.add_argument("--tasks", required=True)
        p.add_argument("--select", required=True)
        p.add_argument("--predictions-dir", required=True)
        p.add_argument("--labels")
        if name == "select-grade":
            p.add_argument("--out", required=True)
        else:
            p.add_argument("--graded", required=True, help="select-grade's --out")
            p.add_argument("--eval")
            p.add_argument("--set-dir", required=True)
        p.set_defaults(fn=fn)
    p = sub.add_parser("summary", help="wall time per phase and the targets")
    p.add_argument("--out", required=True)
    p.set_defaults(fn=cmd_summary)
    a = ap.parse_args()
    return a.fn(a) or 0


if __name__ == "__main__":
    sys.exit(main())
