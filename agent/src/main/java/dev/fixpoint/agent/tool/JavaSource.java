package dev.fixpoint.agent.tool;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java file read with javaparser: its declarations (types, methods, constructors, fields, enum constants) with
 * line ranges, or the parse problems. Like javaparser's own ParseResult, problems are values, not exceptions.
 */
final class JavaSource {

    /** One declaration; {@code depth} is the nesting level (0 = top-level type). */
    record Decl(String kind, String name, String signature, int firstLine, int lastLine, int depth) {
        String render() {
            String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
            return "  ".repeat(depth) + kind + " " + signature + " (" + lines + ")";
        }
    }

    /** Declarations in source order, and problems ("line L, column C: message"); both may be non-empty. */
    record Parsed(List<Decl> decls, List<String> problems) {}

    private JavaSource() {}

    static Parsed parse(String source) {
        // A parser per call: JavaParser instances are not thread-safe and rollouts run in parallel.
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> result = parser.parse(source);
        var problems = result.getProblems().stream().map(JavaSource::describe).toList();
        var decls = new ArrayList<Decl>();
        result.getResult().ifPresent(cu -> cu.getTypes().forEach(t -> addType(t, 0, decls)));
        return new Parsed(decls, problems);
    }

    private static void addType(TypeDeclaration<?> type, int depth, List<Decl> out) {
        String kind = type instanceof RecordDeclaration ? "record"
                : type instanceof EnumDeclaration ? "enum"
                : type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface() ? "interface"
                : type.isAnnotationDeclaration() ? "@interface" : "class";
        out.add(decl(type, kind, type.getNameAsString(), type.getNameAsString(), depth));
        if (type instanceof EnumDeclaration e) {
            for (EnumConstantDeclaration c : e.getEntries()) out.add(decl(c, "constant", c.getNameAsString(), c.getNameAsString(), depth + 1));
        }
        if (type instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> out.add(decl(p, "component", p.getNameAsString(), p.getTypeAsString() + " " + p.getNameAsString(), depth + 1)));
        }
        // TypeDeclaration.getCallables() does not exist in javaparser 3.28.2: walk getMembers().
        for (BodyDeclaration<?> m : type.getMembers()) {
            if (m instanceof TypeDeclaration<?> nested) {
                addType(nested, depth + 1, out);
            } else if (m instanceof MethodDeclaration md) {
                out.add(decl(md, "method", md.getNameAsString(), md.getTypeAsString() + " " + callable(md), depth + 1));
            } else if (m instanceof ConstructorDeclaration cd) {
                out.add(decl(cd, "constructor", cd.getNameAsString(), callable(cd), depth + 1));
            } else if (m instanceof FieldDeclaration fd) {
                for (VariableDeclarator v : fd.getVariables()) {
                    out.add(decl(fd, "field", v.getNameAsString(), v.getTypeAsString() + " " + v.getNameAsString(), depth + 1));
                }
            }
        }
    }

    private static String callable(CallableDeclaration<?> c) {
        return c.getNameAsString() + "(" + String.join(", ", c.getParameters().stream().map(p -> p.getTypeAsString()).toList()) + ")";
    }

    private static Decl decl(Node n, String kind, String name, String signature, int depth) {
        int first = n.getBegin().map(p -> p.line).orElse(0);
        int last = n.getEnd().map(p -> p.line).orElse(first);
        return new Decl(kind, name, signature, first, last, depth);
    }

    private static String describe(Problem p) {
        String where = p.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> "line " + r.begin.line + ", column " + r.begin.column + ": ").orElse("");
        return where + p.getMessage().lines().findFirst().orElse(p.getMessage());
    }
}
