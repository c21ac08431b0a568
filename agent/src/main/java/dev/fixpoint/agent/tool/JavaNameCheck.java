package dev.fixpoint.agent.tool;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFactory;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Names in an edited Java file that resolve nowhere, found with javaparser's symbol solver over the repository's
 * sources in the sandbox ({@link JavaSourceIndex}, {@link SandboxTypeSolver}) and the JDK's classes: a type, a
 * variable or a type used as a qualifier ({@code S.One}) that is declared nowhere in scope, and imports of the
 * repository's packages that name no type there. What may come from code the check cannot see is never reported:
 * names of imports from other libraries (single, on-demand or static), names inside a type whose supertypes do not
 * resolve (they may be inherited), lowercase qualifiers (they may be packages). Only problems the edit introduced are
 * reported: those of the file before the edit are subtracted, by kind and name.
 */
final class JavaNameCheck {

    /** One problem: its line, what it is about (for subtracting the old ones) and the message. */
    record Problem(int line, String key, String message) {}

    private final JavaSourceIndex index;
    private final Function<String, Optional<String>> files;

    /**
     * @param files the current text of a repository file (relative path), empty when it cannot be read
     */
    JavaNameCheck(JavaSourceIndex index, Function<String, Optional<String>> files) {
        this.index = index;
        this.files = files;
    }

    /** Reads the repository's sources from the sandbox (each file at most once) and checks the edit of {@code path}. */
    static Optional<List<String>> inSandbox(ToolContext ctx, String path, String after, Optional<String> before) {
        String relative = ctx.display(path);
        if (relative.startsWith("/")) return Optional.empty(); // outside the repository: no source roots to read
        Optional<JavaSourceIndex> index = JavaSourceIndex.read(ctx);
        if (index.isEmpty()) return Optional.empty();
        var cache = new HashMap<String, Optional<String>>();
        // The index listed these files a moment ago and the rollout's tools run one at a time: a failed read is the sandbox's.
        Function<String, Optional<String>> read = file -> cache.computeIfAbsent(file,
                f -> SandboxFiles.decode(ctx.sandbox().readFile(ctx.resolve(f))));
        try {
            return Optional.of(new JavaNameCheck(index.get(), read).introduced(relative, after, before));
        } finally {
            // JavaParserFacade keeps one facade per type solver in a static map that its values keep alive: drop ours.
            // get() holds the class's lock; clearing under it keeps the map consistent for other rollouts' checks.
            synchronized (JavaParserFacade.class) {
                JavaParserFacade.clearInstances();
            }
        }
    }

    /** "file:line: message" for each problem of {@code after} that {@code before} (if known) did not have. */
    List<String> introduced(String file, String after, Optional<String> before) {
        List<Problem> now = problems(file, after);
        if (now.isEmpty()) return List.of();
        Map<String, Integer> old = new HashMap<>();
        before.ifPresent(b -> problems(file, b).forEach(p -> old.merge(p.key(), 1, Integer::sum)));
        Map<String, Integer> count = new HashMap<>();
        now.forEach(p -> count.merge(p.key(), 1, Integer::sum));
        return now.stream().filter(p -> count.get(p.key()) > old.getOrDefault(p.key(), 0)).distinct()
                .map(p -> file + ":" + p.line() + ": " + p.message()).toList();
    }

    /** The problems of {@code content} as the text of {@code file}; none if it does not parse (the syntax check says why). */
    List<Problem> problems(String file, String content) {
        Function<String, Optional<String>> sources = f -> f.equals(file) ? Optional.of(content) : files.apply(f);
        var repo = new SandboxTypeSolver(index, sources);
        TypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true), repo);
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setSymbolResolver(new JavaSymbolSolver(solver)));
        Optional<CompilationUnit> parsed = parser.parse(content).getResult();
        if (parsed.isEmpty()) return List.of();
        return new Walk(parsed.get(), solver).problems();
    }

    /** One pass over a parsed file. */
    private final class Walk {
        final CompilationUnit cu;
        final TypeSolver solver;
        final List<Problem> out = new ArrayList<>();
        final Set<String> imported = new HashSet<>();
        final Map<Node, Boolean> opaque = new IdentityHashMap<>();
        boolean unknownOnDemand;

        Walk(CompilationUnit cu, TypeSolver solver) {
            this.cu = cu;
            this.solver = solver;
        }

        List<Problem> problems() {
            cu.getImports().forEach(this::checkImport);
            for (ClassOrInterfaceType t : cu.findAll(ClassOrInterfaceType.class)) checkType(t);
            for (NameExpr n : cu.findAll(NameExpr.class)) checkName(n);
            return out;
        }

        void checkImport(ImportDeclaration imp) {
            String name = imp.getNameAsString();
            if (imp.isAsterisk()) {
                boolean known = imp.isStatic() ? solves(name) : index.hasPackage(name) || isJdk(name);
                unknownOnDemand |= !known;
                return;
            }
            String simple = name.substring(name.lastIndexOf('.') + 1);
            imported.add(simple);
            String type = imp.isStatic() ? name.substring(0, Math.max(0, name.lastIndexOf('.'))) : name;
            if (type.isEmpty() || solves(type)) return;
            String qualifier = type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : "";
            if (index.hasPackage(qualifier) || qualifier.startsWith("java.")) {
                String cls = type.substring(type.lastIndexOf('.') + 1);
                add(imp, "import " + type, "cannot find symbol: class " + cls + " in package " + qualifier
                        + " (no such type in the repository's sources or the JDK; ignore this if the build generates it)");
            }
        }

        void checkType(ClassOrInterfaceType t) {
            if (t.getScope().isPresent() || t.getParentNode().filter(p -> p instanceof ClassOrInterfaceType).isPresent()) return;
            String name = t.getNameAsString();
            if (imported.contains(name) || typeParameter(t, name) || insideOpaque(t)) return;
            // In x::m javaparser cannot tell a variable x from a type x: it is a name unless it resolves as a type.
            boolean methodReference = t.getParentNode().filter(p -> p instanceof TypeExpr
                    && p.getParentNode().filter(q -> q instanceof MethodReferenceExpr).isPresent()).isPresent();
            if (methodReference && resolvesAsValue(t, name) != Boolean.FALSE) return;
            if (unknownOnDemand || resolvesAsType(t, name) != Boolean.FALSE) return;
            if (methodReference) {
                add(t, "name " + name, notInScope(name));
                return;
            }
            add(t, "type " + name, "cannot find symbol: class " + name
                    + " (no type of that name is declared, imported or in package " + packageName() + ")");
        }

        void checkName(NameExpr n) {
            String name = n.getNameAsString();
            if (imported.contains(name) || insideOpaque(n)) return;
            if (n.getParentNode().filter(p -> p instanceof SwitchEntry).isPresent()) return; // enum labels need the selector's type
            boolean qualifier = n.getParentNode().filter(p -> p instanceof FieldAccessExpr f && f.getScope() == n).isPresent();
            if (qualifier && Character.isLowerCase(name.charAt(0))) return; // may be a package: a.b.C
            try {
                if (JavaParserFacade.get(solver).solve(n).isSolved()) return;
            } catch (RuntimeException e) {
                return; // something it depends on does not resolve: not certain
            }
            Boolean type = resolvesAsType(n, name);
            if (type != Boolean.FALSE) return;
            if (unknownOnDemand && Character.isUpperCase(name.charAt(0))) return;
            add(n, "name " + name, notInScope(name));
        }

        /** TRUE, FALSE, or null when the solver could not tell. */
        Boolean resolvesAsValue(Node at, String name) {
            try {
                return JavaParserFactory.getContext(at, solver).solveSymbol(name).isSolved();
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** TRUE, FALSE, or null when the solver could not tell. */
        Boolean resolvesAsType(Node at, String name) {
            try {
                return JavaParserFactory.getContext(at, solver).solveType(name, null).isSolved(); // no type arguments
            } catch (RuntimeException e) {
                return null;
            }
        }

        boolean solves(String qualified) {
            try {
                return solver.tryToSolveType(qualified).isSolved();
            } catch (RuntimeException e) {
                return true; // cannot tell: not a problem to report
            }
        }

        boolean typeParameter(Node at, String name) {
            for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
                if (n instanceof NodeWithTypeParameters<?> g && g.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code at} lies in a type whose supertypes do not all resolve: its members may be inherited from code not seen. */
        boolean insideOpaque(Node at) {
            for (Node n = at.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
                if (opaque.computeIfAbsent(n, this::hasUnresolvedSupertypes)) return true;
            }
            return false;
        }

        boolean hasUnresolvedSupertypes(Node n) {
            List<ClassOrInterfaceType> supers = new ArrayList<>();
            if (n instanceof ClassOrInterfaceDeclaration c) {
                supers.addAll(c.getExtendedTypes());
                supers.addAll(c.getImplementedTypes());
            } else if (n instanceof EnumDeclaration e) {
                supers.addAll(e.getImplementedTypes());
            } else if (n instanceof RecordDeclaration r) {
                supers.addAll(r.getImplementedTypes());
            } else if (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                supers.add(o.getType());
            } else {
                return false;
            }
            for (ClassOrInterfaceType s : supers) {
                try {
                    s.resolve().asReferenceType().getAllAncestors();
                } catch (RuntimeException | StackOverflowError e) {
                    return true;
                }
            }
            return false;
        }

        String packageName() {
            return cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("(default)");
        }

        void add(Node at, String key, String message) {
            out.add(new Problem(at.getBegin().map(p -> p.line).orElse(0), key, message));
        }
    }

    private static String notInScope(String name) {
        return "cannot find symbol: " + name + " (no variable, field or type of that name is in scope: a missing import or declaration?)";
    }

    private static boolean isJdk(String pkg) {
        return pkg.equals("java") || pkg.startsWith("java.") || pkg.startsWith("javax.");
    }
}
