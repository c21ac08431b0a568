#!/usr/bin/env python3
"""Writes tasks.env's built-in SWE-bench presets (swebench-presets.yaml) from SWE-bench's harness constants.

Usage: swebench_presets.py SWEBENCH_CHECKOUT OUT.yaml [COMMIT]
SWEBENCH_CHECKOUT holds swebench/harness/constants and swebench/harness/log_parsers (e.g. `git archive COMMIT
swebench/harness/constants swebench/harness/log_parsers | tar -x`). Only facts are taken: per repository and version
the test command, the commands run before it, and which log parser reads its output (mapped to our result formats).
"""
import ast
import json
import re
import sys
from pathlib import Path

# SWE-bench's log parser -> our ResultFormat (lower case). Repository-specific JavaScript parsers of SWE-bench
# Multimodal (calypso, chart_js, marked, p5js, react_pdf) have no format here; their repositories get no preset.
FORMATS = {
    "parse_log_pytest": "pytest_log", "parse_log_seaborn": "pytest_log", "parse_log_pytest_options": "pytest_options",
    "parse_log_pytest_v2": "pytest_v2", "parse_log_matplotlib": "matplotlib", "parse_log_django": "django",
    "parse_log_sympy": "sympy", "parse_log_gotest": "go_test", "parse_log_cargo": "cargo_test",
    "parse_log_jest": "jest", "parse_log_jest_json": "jest_json", "parse_log_vitest": "vitest",
    "parse_log_tap": "tap", "parse_log_karma": "karma", "parse_log_phpunit": "phpunit",
    "parse_log_rspec_transformed_json": "rspec_json", "parse_log_minitest": "minitest",
    "parse_log_ruby_unit": "ruby_unit", "parse_log_cucumber": "cucumber", "parse_log_redis": "redis_tcl",
    "parse_log_jq": "jq", "parse_log_doctest": "doctest", "parse_log_micropython_test": "micropython",
    "parse_log_googletest": "googletest", "parse_log_maven": "maven_log", "parse_log_ant": "ant",
    "parse_log_gradle_custom": "gradle_log",
}
# Parsers that pick another parser by the instance's PR number (= the version key of these repositories).
BY_INSTANCE = {
    "parse_log_immutable_js": {"2006": "jest", "2005": "jest_json"},
    "parse_log_jekyll": {"9141": "minitest", "8047": "minitest", "8167": "minitest",
                         "8761": "cucumber", "8771": "cucumber"},
}
IMAGE = "swebench/sweb.eval.x86_64.{swebench_id}:latest"
CONDA_PATH = "/opt/miniconda3/envs/testbed/bin:/opt/miniconda3/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
TIMEOUT = 1800


def parser_maps(log_parsers: Path) -> dict:
    """repo -> parser function name, aliases (parse_log_x = parse_log_y) resolved."""
    repo_to_parser, aliases = {}, {}
    for f in sorted(log_parsers.glob("*.py")):
        tree = ast.parse(f.read_text())
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
                aliases[node.targets[0].id] = node.value.id
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                    and node.targets[0].id.startswith("MAP_REPO_TO_PARSER_")):
                for k, v in zip(node.value.keys, node.value.values):
                    if isinstance(k, ast.Constant) and isinstance(v, ast.Name):
                        repo_to_parser[k.value] = v.id
    out = {}
    for repo, name in repo_to_parser.items():
        while name in aliases:
            name = aliases[name]
        out[repo] = name
    return out


def entry(repo: str, version: str, spec: dict, parser: str, python: bool):
    fmt = BY_INSTANCE[parser].get(version) if parser in BY_INSTANCE else FORMATS.get(parser)
    if fmt is None or "test_cmd" not in spec:
        return None
    cmds = spec["test_cmd"] if isinstance(spec["test_cmd"], list) else [spec["test_cmd"]]
    env, setup = {}, []
    for c in spec.get("eval_commands", []):
        m = re.fullmatch(r"export (\w+)=(.*)", c)
        if m:
            env[m.group(1)] = m.group(2)
        else:
            setup.append(c)
    if python:
        env["PATH"] = CONDA_PATH
        # SWE-bench appends the test directives (the test patch's files; Django's as module labels).
        command = cmds[-1] + " {test_directives}"
        command = "; ".join(cmds[:-1] + [command])
    else:
        command = "; ".join(list(spec.get("build", [])) + cmds)
    if fmt == "maven_log":
        command = "set -x; " + command  # parse_log_maven reads the test name from the traced command line
    e = {"image": IMAGE, "workdir": "/testbed", "test_command": command, "result_format": fmt,
         "test_timeout_seconds": TIMEOUT}
    if setup:
        e["setup_commands"] = setup
    if env:
        e["env"] = dict(sorted(env.items()))
    return e


def main():
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    commit = sys.argv[3] if len(sys.argv) > 3 else "unknown"
    sys.path.insert(0, str(root))
    import swebench.harness.constants as c  # noqa: E402 (the checkout given on the command line)
    from swebench.harness.constants import python as py  # noqa: E402
    parsers = parser_maps(root / "swebench/harness/log_parsers")
    lines = [
        "# Built-in environments of SWE-bench, SWE-bench Verified and SWE-bench Multilingual rows on SWE-bench's own",
        "# instance images: per repository and version, SWE-bench's test command and the result format of the log",
        "# parser it grades with. Generated by scripts/lib/swebench_presets.py from SWE-bench's harness constants",
        f"# (github.com/SWE-bench/SWE-bench, commit {commit}); regenerate rather than edit. A spec file's entries",
        "# override these. Python images: the conda env testbed first on PATH (SWE-bench activates it); SWE-bench's",
        "# eval-time reinstall is not repeated (the sandboxes have no network).",
    ]
    skipped = []
    for repo in sorted(c.MAP_REPO_VERSION_TO_SPECS, key=str.lower):
        if repo == "swe-bench/humaneval":
            continue  # a code-generation set of SWE-bench's, not a repository
        parser = parsers.get(repo)
        python = repo in py.MAP_REPO_VERSION_TO_SPECS_PY
        if parser is None:
            if not python:
                skipped.append(repo)
                continue
            parser = "parse_log_pytest"  # SWE-bench's default parser
        versions = {}
        for version, spec in c.MAP_REPO_VERSION_TO_SPECS[repo].items():
            e = entry(repo, str(version), spec, parser, python)
            if e is not None:
                versions[str(version)] = e
        if not versions:
            skipped.append(repo)
            continue
        lines.append(json.dumps(repo) + ":")
        for version in sorted(versions, key=lambda v: [(0, int(x), "") if x.isdigit() else (1, 0, x) for x in v.split(".")]):
            lines.append("  " + json.dumps(version) + ":")
            for k, v in versions[version].items():
                if isinstance(v, dict):
                    lines.append(f"    {k}:")
                    lines.extend(f"      {ek}: {json.dumps(ev)}" for ek, ev in v.items())
                elif isinstance(v, list):
                    lines.append(f"    {k}: {json.dumps(v)}")
                else:
                    lines.append(f"    {k}: {json.dumps(v)}")
    out.write_text("\n".join(lines) + "\n")
    print(f"{out}: {sum(1 for l in lines if l and not l.startswith((' ', '#')))} repositories;"
          f" no preset for {', '.join(skipped) or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
