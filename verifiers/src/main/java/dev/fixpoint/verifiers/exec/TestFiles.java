package dev.fixpoint.verifiers.exec;

import dev.fixpoint.verifiers.VerifierException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's own test files, found on the host copy of the base tree by the usual naming conventions. */
final class TestFiles {

    private TestFiles() {
    }

    /** Repository-relative paths of test files ({@code test_*.py}, {@code *_test.py}, {@code *Test.java}), sorted. */
    static List<String> list(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> tree.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/build/") && !p.startsWith("build/"))
                    .filter(TestFiles::isTestFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new VerifierException("cannot list test files under " + tree + ": " + e.getMessage(), e);
        }
    }

    static boolean isTestFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("test_") && name.endsWith(".py") || name.endsWith("_test.py")
                || name.endsWith("Test.java") || name.endsWith("Tests.java");
    }

    static String read(Path tree, String path) {
        try {
            return Files.readString(tree.resolve(path));
        } catch (IOException e) {
            throw new VerifierException("cannot read " + path + " under " + tree + ": " + e.getMessage(), e);
        }
    }

    /** The file a result name belongs to: {@code a/test_x.py::t} -> {@code a/test_x.py}; {@code p.FooTest#m} -> {@code p/FooTest}. */
    static String fileOfResult(String resultName) {
        int colons = resultName.indexOf("::");
        if (colons >= 0) {
            return resultName.substring(0, colons);
        }
        int hash = resultName.indexOf('#');
        String cls = hash >= 0 ? resultName.substring(0, hash) : resultName;
        int nested = cls.indexOf('$');
        return (nested >= 0 ? cls.substring(0, nested) : cls).replace('.', '/');
    }
}
