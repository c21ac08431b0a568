package dev.fixpoint.tasks.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoLocatorTest {

    @TempDir
    Path tmp;

    @Test
    void triesMirrorMapThenUrlThenLocalPathThenGitHub() throws IOException {
        Path map = Files.writeString(tmp.resolve("mirrors.json"), "{\"acme/pycart\": \"repos/pycart.bundle\","
                + " \"acme/remote\": \"https://git.example.com/acme/remote.git\", \"acme/home\": \"/srv/git/home.git\"}");
        Files.createDirectories(tmp.resolve("local/repo"));
        RepoLocator locator = RepoLocator.fromMirrorFile(map);

        assertEquals(new RepoLocation("acme/pycart", tmp.resolve("repos/pycart.bundle").toString(),
                RepoLocation.Source.MIRROR_MAP), locator.locate("acme/pycart"));
        assertEquals(tmp.resolve("repos/pycart.bundle").toString(), locator.locate("ACME/PyCart").uri());
        assertEquals("https://git.example.com/acme/remote.git", locator.locate("acme/remote").uri());
        assertEquals("/srv/git/home.git", locator.locate("acme/home").uri());
        assertEquals(RepoLocation.Source.URL, locator.locate("git@github.com:acme/x.git").source());
        assertEquals(RepoLocation.Source.URL, locator.locate("file:///srv/x.git").source());
        RepoLocation local = locator.locate(tmp.resolve("local/repo").toString());
        assertEquals(RepoLocation.Source.LOCAL_PATH, local.source());
        assertEquals(new RepoLocation("django/django", "https://github.com/django/django.git",
                RepoLocation.Source.GITHUB), locator.locate("django/django"));
    }

    @Test
    void badMapsAndReposAreClear() throws IOException {
        WorkspaceException missing = assertThrows(WorkspaceException.class,
                () -> RepoLocator.fromMirrorFile(tmp.resolve("none.json")));
        assertTrue(missing.getMessage().startsWith("mirror map not found: "), missing.getMessage());

        Path list = Files.writeString(tmp.resolve("list.json"), "[\"acme/pycart\"]");
        WorkspaceException notObject = assertThrows(WorkspaceException.class, () -> RepoLocator.fromMirrorFile(list));
        assertTrue(notObject.getMessage().contains("must be a JSON object"), notObject.getMessage());

        Path number = Files.writeString(tmp.resolve("number.json"), "{\"acme/pycart\": 3}");
        WorkspaceException badEntry = assertThrows(WorkspaceException.class, () -> RepoLocator.fromMirrorFile(number));
        assertTrue(badEntry.getMessage().contains("entry acme/pycart must be a path or URL string, not: 3"),
                badEntry.getMessage());

        WorkspaceException nothing = assertThrows(WorkspaceException.class,
                () -> RepoLocator.direct().locate("three/part/name"));
        assertEquals(WorkspaceException.Reason.BAD_LOCATION, nothing.reason());
    }
}
