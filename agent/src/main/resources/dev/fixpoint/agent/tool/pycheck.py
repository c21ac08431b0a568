# Static check of one edited Python file for Fixpoint's edit tool, at pyflakes' level: syntax, undefined names, and
# imports of the repository's own modules that name nothing there. Runs inside the sandbox, in the repository, as
# `python3 - FILE [BEFORE]` with the script on stdin; standard library only, Python 3.6+.
# FILE is the edited file; BEFORE (optional) a copy of it before the edit: only problems the edit introduced are
# reported (a problem counts as old when BEFORE has the same kind of problem with the same name).
# Exit 0: no new problem. Exit 1: one line per problem, "FILE:LINE: message". Exit 2: FILE does not parse
# ("FILE:LINE:COL: SyntaxError: message", then the line and a caret). Exit 3: bad arguments. Exit 4: not checked
# (the line says why).
# Never imports the repository's code: modules are read as files.
import ast
import builtins
import importlib.util
import os
import sys

ALWAYS_DEFINED = set(dir(builtins)) | {
    "__file__", "__name__", "__doc__", "__package__", "__spec__", "__loader__", "__builtins__", "__path__",
    "__annotations__", "__cached__", "__class__", "__module__", "__qualname__", "__debug__", "WindowsError",
}
COMPREHENSIONS = ("ListComp", "SetComp", "GeneratorExp", "DictComp")
NAMES_GUARDED, IMPORTS_GUARDED = 1, 2  # flags of the `guarded` argument: problems there are not reported


class Scope:
    def __init__(self, kind, parent):
        self.kind, self.parent = kind, parent
        self.bound, self.globals = set(), set()


class Names(object):
    """Bindings per scope and every name read, resolved once the whole module is seen (order does not matter, as
    in pyflakes' deferred function bodies: a false alarm costs the model more than a miss)."""

    def __init__(self):
        self.module = Scope("module", None)
        self.uses = []          # (name, line, scope)
        self.imports = []       # (line, level, module or None, [names]); names [] for `import a.b`
        self.star = False
        self.getattr = False

    # --- bindings
    def bind(self, name, scope):
        if name in scope.globals:
            self.module.bound.add(name)
        else:
            scope.bound.add(name)

    # --- traversal
    def visit(self, node, scope, guarded=0):
        kind = type(node).__name__
        method = getattr(self, "visit_" + kind, None)
        if method is not None:
            method(node, scope, guarded)
        elif kind in COMPREHENSIONS:
            self.comprehension(node, scope, guarded)
        else:
            self.children(node, scope, guarded)

    def children(self, node, scope, guarded):
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope, guarded)

    def visit_Module(self, node, scope, guarded):
        self.children(node, scope, guarded)

    def visit_Name(self, node, scope, guarded):
        if isinstance(node.ctx, ast.Load) or isinstance(node.ctx, ast.Del):
            if not guarded & NAMES_GUARDED:
                self.uses.append((node.id, node.lineno, scope))
        else:
            self.bind(node.id, scope)

    def visit_Assign(self, node, scope, guarded):
        self.visit(node.value, scope, guarded)
        for t in node.targets:
            self.target(t, scope, guarded)

    def visit_AugAssign(self, node, scope, guarded):
        self.visit(node.value, scope, guarded)
        if isinstance(node.target, ast.Name) and not guarded & NAMES_GUARDED:
            self.uses.append((node.target.id, node.lineno, scope))
        self.target(node.target, scope, guarded)

    def visit_AnnAssign(self, node, scope, guarded):
        if node.value is not None:
            self.visit(node.value, scope, guarded)
        if scope.kind != "function":  # annotations of locals are never evaluated
            self.annotation(node.annotation, scope, guarded)
        self.target(node.target, scope, guarded)

    def visit_For(self, node, scope, guarded):
        self.visit(node.iter, scope, guarded)
        self.target(node.target, scope, guarded)
        for n in node.body + node.orelse:
            self.visit(n, scope, guarded)

    visit_AsyncFor = visit_For

    def visit_withitem(self, node, scope, guarded):
        self.visit(node.context_expr, scope, guarded)
        if node.optional_vars is not None:
            self.target(node.optional_vars, scope, guarded)

    def visit_NamedExpr(self, node, scope, guarded):
        self.visit(node.value, scope, guarded)
        owner = scope
        while owner.kind == "comprehension":
            owner = owner.parent
        self.bind(node.target.id, owner)

    def target(self, node, scope, guarded):
        kind = type(node).__name__
        if kind == "Name":
            self.bind(node.id, scope)
        elif kind in ("Tuple", "List"):
            for e in node.elts:
                self.target(e, scope, guarded)
        elif kind == "Starred":
            self.target(node.value, scope, guarded)
        else:  # a.b = ..., a[i] = ...: reads a (and i)
            self.visit(node, scope, guarded)

    def visit_Global(self, node, scope, guarded):
        scope.globals.update(node.names)
        self.module.bound.update(node.names)  # another function may assign it: never a false alarm

    def visit_Nonlocal(self, node, scope, guarded):
        scope.bound.update(node.names)

    def visit_Import(self, node, scope, guarded):
        for alias in node.names:
            self.bind(alias.asname or alias.name.split(".")[0], scope)
            self.imports.append((node.lineno, 0, alias.name, [], guarded & IMPORTS_GUARDED))

    def visit_ImportFrom(self, node, scope, guarded):
        names = []
        for alias in node.names:
            if alias.name == "*":
                self.star = True
            else:
                self.bind(alias.asname or alias.name, scope)
                names.append(alias.name)
        if node.module != "__future__":
            self.imports.append((node.lineno, node.level or 0, node.module, names, guarded & IMPORTS_GUARDED))

    def visit_Try(self, node, scope, guarded):
        # as pyflakes: names under a try whose handler catches NameError (or everything) may be missing on purpose;
        # likewise imports under a handler of ImportError
        caught = set()
        for h in node.handlers:
            types = [] if h.type is None else (h.type.elts if isinstance(h.type, ast.Tuple) else [h.type])
            names = set(getattr(t, "id", getattr(t, "attr", "")) for t in types)
            if h.type is None or names & {"NameError", "Exception", "BaseException"}:
                caught.add(NAMES_GUARDED)
            if h.type is None or names & {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}:
                caught.add(IMPORTS_GUARDED)
        for n in node.body:
            self.visit(n, scope, guarded | sum(caught))
        for h in node.handlers:
            if h.type is not None:
                self.visit(h.type, scope, guarded)
            if h.name:
                self.bind(h.name, scope)
            for n in h.body:
                self.visit(n, scope, guarded)
        for n in node.orelse + node.finalbody:
            self.visit(n, scope, guarded)

    visit_TryStar = visit_Try

    def visit_If(self, node, scope, guarded):
        # `if TYPE_CHECKING:` and version switches: names there may be meant for other interpreters
        test = ast.dump(node.test)
        version_switch = "version_info" in test or "PY2" in test or "PY3" in test or "TYPE_CHECKING" in test
        self.visit(node.test, scope, guarded)
        for n in node.body + node.orelse:
            self.visit(n, scope, guarded | (NAMES_GUARDED | IMPORTS_GUARDED if version_switch else 0))

    def decorated(self, node, scope, guarded):
        for d in node.decorator_list:
            self.visit(d, scope, guarded)

    def arguments(self, args, scope, guarded, inner):
        for d in list(args.defaults) + [d for d in args.kw_defaults if d is not None]:
            self.visit(d, scope, guarded)
        every = list(getattr(args, "posonlyargs", [])) + list(args.args) + list(args.kwonlyargs)
        every += [a for a in (args.vararg, args.kwarg) if a is not None]
        for a in every:
            if getattr(a, "annotation", None) is not None:
                self.annotation(a.annotation, scope, guarded)
            inner.bound.add(a.arg)

    def annotation(self, node, scope, guarded):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) and type(node).__name__ != "Str":
            self.visit(node, scope, guarded)

    def type_params(self, node, inner):
        for p in getattr(node, "type_params", []) or []:
            inner.bound.add(p.name)

    def visit_FunctionDef(self, node, scope, guarded):
        self.decorated(node, scope, guarded)
        inner = Scope("function", scope)
        self.type_params(node, inner)
        self.arguments(node.args, scope, guarded, inner)
        if node.returns is not None:
            self.annotation(node.returns, scope, guarded)
        self.bind(node.name, scope)
        if scope is self.module and node.name == "__getattr__":
            self.getattr = True
        for n in node.body:
            self.visit(n, inner, guarded)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node, scope, guarded):
        inner = Scope("function", scope)
        self.arguments(node.args, scope, guarded, inner)
        self.visit(node.body, inner, guarded)

    def visit_ClassDef(self, node, scope, guarded):
        self.decorated(node, scope, guarded)
        for b in list(node.bases) + [k.value for k in node.keywords]:
            self.visit(b, scope, guarded)
        self.bind(node.name, scope)
        inner = Scope("class", scope)
        self.type_params(node, inner)
        for n in node.body:
            self.visit(n, inner, guarded)

    def comprehension(self, node, scope, guarded):
        gens = node.generators
        self.visit(gens[0].iter, scope, guarded)
        inner = Scope("comprehension", scope)
        for i, g in enumerate(gens):
            if i > 0:
                self.visit(g.iter, inner, guarded)
            self.target(g.target, inner, guarded)
            for cond in g.ifs:
                self.visit(cond, inner, guarded)
        for field in ("elt", "key", "value"):
            if hasattr(node, field):
                self.visit(getattr(node, field), inner, guarded)

    def visit_ExceptHandler(self, node, scope, guarded):  # reached only outside visit_Try (never, kept for safety)
        if node.name:
            self.bind(node.name, scope)
        self.children(node, scope, guarded)

    def visit_MatchAs(self, node, scope, guarded):
        if node.name:
            self.bind(node.name, scope)
        self.children(node, scope, guarded)

    def visit_MatchStar(self, node, scope, guarded):
        if node.name:
            self.bind(node.name, scope)

    def visit_MatchMapping(self, node, scope, guarded):
        if node.rest:
            self.bind(node.rest, scope)
        self.children(node, scope, guarded)

    # --- resolution
    def undefined(self):
        if self.star:
            return []
        out = []
        for name, line, scope in self.uses:
            if name in ALWAYS_DEFINED or self.resolves(name, scope):
                continue
            out.append((line, ("name", name), "undefined name '%s'" % name))
        return out

    def resolves(self, name, scope):
        if name in scope.globals:
            return name in self.module.bound
        first = True
        s = scope
        while s is not None:
            if (first or s.kind != "class") and name in s.bound:
                return True
            s, first = s.parent, False
        return False


# --- imports of the repository's own modules

def module_file(parts, base):
    """The file of module `parts` under directory `base`: its .py, its package's __init__.py, or a directory (a
    namespace package); None if there is none."""
    path = os.path.join(base, *parts)
    if os.path.isfile(path + ".py"):
        return path + ".py"
    if os.path.isfile(os.path.join(path, "__init__.py")):
        return os.path.join(path, "__init__.py")
    if os.path.isdir(path):
        return path
    return None


EXTERNAL = {}


def external(top):
    """Whether top-level module `top` is found outside the repository (standard library, installed packages)."""
    if top not in EXTERNAL:
        EXTERNAL[top] = find_external(top)
    return EXTERNAL[top]


def find_external(top):
    saved = sys.path[:]
    try:
        sys.path[:] = [p for p in sys.path if p not in ("", ".") and os.path.abspath(p) != os.getcwd()]
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return False
    finally:
        sys.path[:] = saved
    if spec is None:
        return False
    where = spec.origin if spec.origin not in (None, "namespace") else next(iter(spec.submodule_search_locations or []), "")
    return not os.path.abspath(where).startswith(os.getcwd() + os.sep)


def repo_base(top):
    """The directory of the repository from which top-level module `top` is imported, or None if it is not the
    repository's own."""
    for base in (".", "src", "lib"):
        if module_file([top], base) is not None:
            return None if external(top) else base
    return None


def other_implementation(directory, name):
    """A compiled extension or stub of module `name` in `directory`: not read here."""
    try:
        return any(n.startswith(name + ".") and not n.endswith(".py") for n in os.listdir(directory or "."))
    except OSError:
        return False


def top_level_names(path, cache):
    """Names a module binds at its top level, or None when that cannot be told (star imports, __getattr__, no parse)."""
    if path not in cache:
        cache[path] = None
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), filename=path)
            names = Names()
            names.visit(tree, names.module)
            if not names.star and not names.getattr:
                cache[path] = names.module.bound
        except (SyntaxError, ValueError, OSError, RecursionError, MemoryError):
            pass
    return cache[path]


def import_problems(imports, filename):
    out, cache = [], {}
    for line, level, module, names, guarded in imports:
        if guarded:
            continue
        parts = module.split(".") if module else []
        if level > 0:
            base = os.path.dirname(filename)
            for _ in range(level - 1):
                base = os.path.dirname(base)
        else:
            base = repo_base(parts[0])
            if base is None:
                continue  # not a module of this repository
        shown = "." * level + (module or "")
        missing = None
        for i in range(1, len(parts) + 1):
            if module_file(parts[:i], base) is None:
                if not other_implementation(os.path.join(base, *parts[:i - 1]), parts[i - 1]):
                    missing = "." * level + ".".join(parts[:i])
                break
        if missing is not None:
            out.append((line, ("module", missing), "no module named '%s' in this repository" % missing))
            continue
        if not names or (parts and module_file(parts, base) is None):
            continue
        if parts:
            target = module_file(parts, base)
        else:
            target = os.path.join(base, "__init__.py") if os.path.isfile(os.path.join(base, "__init__.py")) else base
        if os.path.isdir(target):
            package_dir, defined = target, set()
        else:
            package_dir = os.path.dirname(target) if os.path.basename(target) == "__init__.py" else None
            defined = top_level_names(target, cache)
        if defined is None:
            continue
        for name in names:
            if name in defined or (package_dir is not None and (module_file([name], package_dir) is not None
                                                                or other_implementation(package_dir, name))):
                continue
            out.append((line, ("import", shown, name), "cannot import name '%s' from '%s' (%s defines no '%s')"
                        % (name, shown, os.path.normpath(target), name)))
    return out


def names_of(path, display):
    with open(path, "rb") as f:
        tree = ast.parse(f.read(), filename=display)
    names = Names()
    names.visit(tree, names.module)
    return names


def syntax_error(e, display):
    line = e.lineno or 0
    print("%s:%d:%s: SyntaxError: %s" % (display, line, e.offset or 0, e.msg))
    if e.text:
        print("    " + e.text.rstrip("\n"))
        if e.offset:
            print("    " + " " * (e.offset - 1) + "^")


def main(argv):
    if len(argv) not in (1, 2):
        print("usage: python3 - FILE [BEFORE]")
        return 3
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    display = argv[0][2:] if argv[0].startswith("./") else argv[0]
    try:
        with open(argv[0], "rb") as f:
            compile(f.read(), display, "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        syntax_error(e, display)
        return 2
    except ValueError as e:  # e.g. null bytes
        print("%s: SyntaxError: %s" % (display, e))
        return 2
    try:
        now = names_of(argv[0], display)
        before = None
        if len(argv) == 2 and os.path.isfile(argv[1]):
            try:
                before = names_of(argv[1], display)
            except (SyntaxError, ValueError):
                pass  # the file did not parse before the edit: every problem now is new
        old = {}
        for _, key, _ in before.undefined() if before is not None else []:
            old[key] = old.get(key, 0) + 1
        # imports are checked only where they differ from before: reading other modules is the costly part
        seen = set((i[1], i[2], tuple(i[3])) for i in before.imports) if before is not None else set()
        found = now.undefined() + import_problems([i for i in now.imports if (i[1], i[2], tuple(i[3])) not in seen], display)
    except (RecursionError, MemoryError) as e:
        print("%s: not checked: the file is nested too deeply for the checker (%s)" % (display, type(e).__name__))
        return 4
    new = {}
    for _, key, _ in found:
        new[key] = new.get(key, 0) + 1
    shown = sorted(set((line, message) for line, key, message in found if new[key] > old.get(key, 0)))
    for line, message in shown:
        print("%s:%d: %s" % (display, line, message))
    return 1 if shown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
