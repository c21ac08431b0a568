package dev.fixpoint.agent.tool;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A javaparser {@link TypeSolver} over the repository's sources in the sandbox: a qualified name is looked up in the
 * {@link JavaSourceIndex} and its file read (once, through {@code source}) and parsed only when the solver asks for
 * it. Nested types ({@code a.b.Outer.Inner}) are found in their top-level type's file. One instance per check: it
 * caches what it parsed.
 */
final class SandboxTypeSolver implements TypeSolver {

    private final JavaSourceIndex index;
    private final Function<String, Optional<String>> source;
    private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();
    private TypeSolver parent;

    /**
     * @param source the text of a file given relative to the repository, empty if it cannot be read
     */
    SandboxTypeSolver(JavaSourceIndex index, Function<String, Optional<String>> source) {
        this.index = index;
        this.source = source;
    }

    @Override
    public TypeSolver getParent() {
        return parent;
    }

    @Override
    public void setParent(TypeSolver parent) {
        this.parent = parent;
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
        List<String> parts = List.of(name.split("\\."));
        for (int i = parts.size() - 1; i >= 0; i--) {
            String pkg = String.join(".", parts.subList(0, i));
            Optional<String> file = index.file(pkg, parts.get(i));
            if (file.isEmpty()) continue;
            List<String> names = parts.subList(i, parts.size());
            Optional<TypeDeclaration<?>> type = parse(file.get()).flatMap(cu -> find(cu, names));
            if (type.isPresent()) return SymbolReference.solved(JavaParserFacade.get(getRoot()).getTypeDeclaration(type.get()));
        }
        return SymbolReference.unsolved();
    }

    /** Sources in the sandbox carry no module information: the module is ignored. */
    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String name) {
        return tryToSolveType(name);
    }

    private Optional<CompilationUnit> parse(String file) {
        return parsed.computeIfAbsent(file, f -> source.apply(f).flatMap(text -> new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setSymbolResolver(new JavaSymbolSolver(getRoot()))).parse(text).getResult()));
    }

    private static Optional<TypeDeclaration<?>> find(CompilationUnit cu, List<String> names) {
        Optional<TypeDeclaration<?>> type = cu.getTypes().stream().filter(t -> t.getNameAsString().equals(names.get(0))).findFirst();
        for (String nested : names.subList(1, names.size())) {
            type = type.flatMap(t -> t.getMembers().stream().filter(m -> m instanceof TypeDeclaration<?> td
                    && td.getNameAsString().equals(nested)).<TypeDeclaration<?>>map(m -> (TypeDeclaration<?>) m).findFirst());
        }
        return type;
    }
}
