# Python-aware outline and symbol search for Fixpoint's agent tools. Runs inside the sandbox as
# `python3 - outline FILE` or `python3 - find NAME ROOT MAX_RESULTS`, the script on stdin; standard library only.
# Exit 0 with the listing, exit 2 with "syntax error: ..." on stdout when FILE does not parse, exit 3 for bad input.
import ast
import os
import sys

SKIP = {"__pycache__", "node_modules"}
BUILD = {"build", "dist", "target"}
MAX_LINE = 200


def first_line(node):
    return min([d.lineno for d in getattr(node, "decorator_list", [])] + [node.lineno])


def text(node):
    try:
        return ast.unparse(node)
    except Exception:  # unparse cannot fail on a parsed tree, but a listing must not die on one odd node
        return "?"


def describe(node, in_class):
    if isinstance(node, ast.ClassDef):
        bases = ", ".join(text(b) for b in node.bases + node.keywords)
        return "class", node.name + ("(" + bases + ")" if bases else "")
    prefix = "async " if isinstance(node, ast.AsyncFunctionDef) else ""
    kind = prefix + ("method" if in_class else "function")
    returns = " -> " + text(node.returns) if node.returns is not None else ""
    return kind, node.name + "(" + text(node.args) + ")" + returns


def declarations(body, depth=0, in_class=False, prefix=""):
    """(depth, kind, qualified name, signature, first line, last line) in source order, nested ones included."""
    for node in body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            kind, signature = describe(node, in_class)
            yield depth, kind, prefix + node.name, signature, first_line(node), node.end_lineno
            yield from declarations(node.body, depth + 1, isinstance(node, ast.ClassDef), prefix + node.name + ".")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and (depth == 0 or in_class):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    yield depth, "variable", prefix + t.id, t.id, node.lineno, node.end_lineno
        elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)) or type(node).__name__ == "TryStar":
            # definitions under `if TYPE_CHECKING:`, `try: import x except ImportError: def x(): ...`
            for field in ("body", "orelse", "finalbody"):
                yield from declarations(getattr(node, field, []), depth, in_class, prefix)
            for handler in getattr(node, "handlers", []):
                yield from declarations(handler.body, depth, in_class, prefix)


def parse(path):
    with open(path, "rb") as f:
        return ast.parse(f.read(), filename=path)


def clip(s):
    return s if len(s) <= MAX_LINE else s[:MAX_LINE] + "..."


def outline(path):
    try:
        tree = parse(path)
    except SyntaxError as e:
        print("syntax error: line %s, column %s: %s" % (e.lineno, e.offset, e.msg))
        return 2
    except (ValueError, RecursionError, MemoryError) as e:
        print("syntax error: %s: %s" % (type(e).__name__, e))
        return 2
    found = False
    for depth, kind, _, signature, first, last in declarations(tree.body):
        if kind == "variable":
            continue
        lines = "line %d" % first if first == last else "lines %d-%d" % (first, last)
        print(clip("  " * depth + kind + " " + signature + " (" + lines + ")"))
        found = True
    if not found:
        print("[no classes or functions]")
    return 0


def skipped(parent, name):
    if name.startswith(".") or name in SKIP or name.endswith(".egg-info"):
        return True
    return name in BUILD and not os.path.isfile(os.path.join(parent, name, "__init__.py"))


def find(name, root, max_results):
    needle = name.encode()
    files = [root] if os.path.isfile(root) else []
    for parent, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not skipped(parent, d))
        files.extend(os.path.join(parent, n) for n in sorted(names) if n.endswith((".py", ".pyi")))
    results, unparsable = [], []
    for path in files:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        if needle not in data:
            continue
        shown = path[2:] if path.startswith("./") else path
        try:
            tree = ast.parse(data, filename=path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            unparsable.append(shown)
            continue
        for _, kind, qualified, signature, first, last in declarations(tree.body):
            if qualified == name or qualified.endswith("." + name):
                where = "%s:%d" % (shown, first) if first == last else "%s:%d-%d" % (shown, first, last)
                results.append(clip(where + "  " + kind + " " + (qualified[: -len(name)] + signature
                                                                  if kind != "variable" else qualified)))
    for line in results[:max_results]:
        print(line)
    if len(results) > max_results:
        print("[%d more declarations; give a path to narrow]" % (len(results) - max_results))
    if unparsable:
        print("[%d file(s) mentioning it do not parse as Python, e.g. %s]" % (len(unparsable), unparsable[0]))
    return 0


def main(argv):
    if len(argv) == 2 and argv[0] == "outline":
        return outline(argv[1])
    if len(argv) == 4 and argv[0] == "find":
        return find(argv[1], argv[2], int(argv[3]))
    print("usage: outline FILE | find NAME ROOT MAX_RESULTS")
    return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
