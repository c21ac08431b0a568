package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.layout.SourceLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python-aware outline and find_symbol in a real fixpoint/python sandbox: the repository's interpreter parses
 * the code with ast (nested classes and functions, decorators, async methods), symbol search skips hidden and build
 * directories, and a syntax error comes back as a clear error observation.
 */
@Tag("docker")
class PythonToolsDockerTest {

    static DockerSandboxProvider docker;

    @BeforeAll
    static void start() {
        docker = DockerSandboxProvider.create();
    }

    @AfterAll
    static void stop() {
        if (docker != null) docker.close();
    }

    @Test
    void outlineAndFindSymbolInAPythonSandbox(@TempDir Path repo) throws Exception {
        write(repo, "geo/shapes.py", """
                import math


                class Shape:
                    sides = 0

                    @property
                    def area(self):
                        raise NotImplementedError

                    class Style:
                        async def render(self, canvas):
                            def pixel(x, y):
                                return (x, y)
                            return pixel(0, 0)


                def area(shape: Shape) -> float:
                    return shape.area
                """);
        write(repo, "geo/broken.py", "def area(:\n    pass\n");
        write(repo, ".venv/lib/area.py", "def area():\n    pass\n");
        write(repo, "build/lib/geo/shapes.py", "def area():\n    pass\n");
        Toolbox tools = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON);
        try (Sandbox box = docker.start(SandboxSpec.builder("fixpoint/python:latest").workdir("/testbed")
                .label("dev.fixpoint.task", "python-tools-test").build())) {
            box.copyIn(repo, "/testbed");
            ToolContext ctx = ToolContext.of(box, "/testbed");

            Observation outline = tools.run(new ToolCall("1", "outline", "{\"path\": \"geo/shapes.py\"}"), ctx);
            assertFalse(outline.error(), outline.text());
            assertEquals("""
                    [outline of geo/shapes.py]
                    class Shape (lines 4-15)
                      method area(self) (lines 7-9)
                      class Style (lines 11-15)
                        async method render(self, canvas) (lines 12-15)
                          function pixel(x, y) (lines 13-14)
                    function area(shape: Shape) -> float (lines 18-19)
                    """, outline.text());

            Observation found = tools.run(new ToolCall("2", "find_symbol", "{\"name\": \"area\"}"), ctx);
            assertEquals("""
                    geo/shapes.py:7-9  method Shape.area(self)
                    geo/shapes.py:18-19  function area(shape: Shape) -> float
                    [1 file(s) mentioning it do not parse as Python, e.g. geo/broken.py]
                    """, found.text(), "hidden and build directories are skipped");
            assertEquals("geo/shapes.py:13-14  function Shape.Style.render.pixel(x, y)\n",
                    tools.run(new ToolCall("3", "find_symbol", "{\"name\": \"pixel\", \"path\": \"geo\"}"), ctx).text());

            Observation broken = tools.run(new ToolCall("4", "outline", "{\"path\": \"geo/broken.py\"}"), ctx);
            assertTrue(broken.error(), broken.text());
            assertEquals("outline: geo/broken.py does not parse as Python: line 1, column 10: invalid syntax. Use view to read it.",
                    broken.text());
            Observation missing = tools.run(new ToolCall("5", "outline", "{\"path\": \"geo/none.py\"}"), ctx);
            assertTrue(missing.error() && missing.text().equals("outline: no such file: geo/none.py"), missing.text());
        }
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
