package dev.fixpoint.verifiers.exec;

import dev.fixpoint.tasks.layout.NearestTests;
import dev.fixpoint.tasks.layout.RepoFiles;
import dev.fixpoint.verifiers.VerifierException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's own test files, found on the host copy of the base tree by the usual naming conventions. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * Repository-relative paths of test files ({@code test_*.py}, {@code *_test.py}, {@code *Test.java}), sorted: the
     * repository's files as {@link RepoFiles} lists them (no hidden directories, caches or build output), named as
     * {@link NearestTests#isTestFile} says.
     */
    static List<String> list(Path tree) {
        return RepoFiles.list(tree).stream().filter(NearestTests::isTestFile).toList();
    }

    static boolean isTestFile(String path) {
        return NearestTests.isTestFile(path);
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
