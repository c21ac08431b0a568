package dev.fixpoint.solver.testing;

/**
 * Small Maven projects for the environment tests: POMs with JUnit 5 as a test dependency and the compiler and
 * surefire plugins pinned (what an image build fetches from Maven Central), and JUnit test classes.
 */
public final class MavenProjects {

    private static final String PLUGINS = """
            <plugins>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.13.0</version>
              </plugin>
              <plugin>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>3.2.5</version>
              </plugin>
            </plugins>
            """;

    private MavenProjects() {
    }

    /**
     * A POM: {@code head} (coordinates, modules, properties; not indented) after the model version, then JUnit 5 and
     * the pinned plugins, under {@code <pluginManagement>} when {@code managed} (a parent POM).
     */
    public static String pom(String head, boolean managed) {
        String plugins = managed ? "<pluginManagement>\n" + PLUGINS.indent(2) + "</pluginManagement>\n" : PLUGINS;
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + head.indent(2)
                + """
                  <dependencies>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>5.10.2</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                """
                + plugins.indent(4)
                + "  </build>\n</project>\n";
    }

    /** A JUnit 5 test class {@code pkg.name} with one test method whose body is {@code statement}. */
    public static String junitTest(String pkg, String name, String method, String statement) {
        return "package " + pkg + ";\n\n"
                + "import static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                + "import org.junit.jupiter.api.Test;\n\n"
                + "class " + name + " {\n"
                + "    @Test\n"
                + "    void " + method + "() {\n"
                + "        " + statement + "\n"
                + "    }\n"
                + "}\n";
    }
}
