package dev.fixpoint.verifiers.dedup;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.printer.configuration.PrinterConfiguration;
import java.util.List;
import java.util.Optional;

/**
 * The canonical form of a Java compilation unit: parsed with javaparser, comments dropped, pretty-printed.
 * Two sources with the same syntax tree (whatever their layout or comments) print identically, so the
 * printed text serves as an equality key. Each call uses its own parser: javaparser instances are not
 * thread-safe.
 */
final class JavaSyntax {

    private JavaSyntax() {
    }

    /** The canonical print of {@code source}, or empty if it does not parse. */
    static Optional<String> canonical(String source) {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> result = new JavaParser(config).parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return Optional.empty();
        }
        CompilationUnit unit = result.getResult().get();
        List<Comment> comments = unit.getAllContainedComments();
        comments.forEach(Comment::remove);
        unit.getComment().ifPresent(Comment::remove);
        PrinterConfiguration printing = new DefaultPrinterConfiguration()
                .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS))
                .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC));
        return Optional.of(new DefaultPrettyPrinter(printing).print(unit));
    }
}
