package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwebenchPresetsTest {

    /** SWE-bench's test split (and so SWE-bench Lite and Verified): 12 repositories. */
    static final List<String> SWE_BENCH = List.of("astropy/astropy", "django/django", "matplotlib/matplotlib",
            "mwaskom/seaborn", "pallets/flask", "psf/requests", "pydata/xarray", "pylint-dev/pylint",
            "pytest-dev/pytest", "scikit-learn/scikit-learn", "sphinx-doc/sphinx", "sympy/sympy");
    /** SWE-bench Multilingual's repositories (C, C++, Go, Java, JavaScript/TypeScript, PHP, Ruby, Rust). */
    static final List<String> MULTILINGUAL = List.of("redis/redis", "jqlang/jq", "nlohmann/json",
            "micropython/micropython", "valkey-io/valkey", "fmtlib/fmt", "caddyserver/caddy", "hashicorp/terraform",
            "prometheus/prometheus", "gohugoio/hugo", "gin-gonic/gin", "google/gson", "apache/druid",
            "javaparser/javaparser", "projectlombok/lombok", "apache/lucene", "reactivex/rxjava", "babel/babel",
            "vuejs/core", "facebook/docusaurus", "immutable-js/immutable-js", "mrdoob/three.js", "preactjs/preact",
            "axios/axios", "phpoffice/phpspreadsheet", "laravel/framework", "php-cs-fixer/php-cs-fixer",
            "briannesbitt/carbon", "jekyll/jekyll", "fluent/fluentd", "fastlane/fastlane", "jordansissel/fpm",
            "faker-ruby/faker", "rubocop/rubocop", "burntsushi/ripgrep", "sharkdp/bat", "astral-sh/ruff",
            "tokio-rs/tokio", "uutils/coreutils", "nushell/nushell", "tokio-rs/axum");

    private static EnvironmentEntry preset(String repo, String version) {
        return SwebenchPresets.specs().find(repo, version)
                .orElseThrow(() -> new AssertionError("no preset for " + repo + " " + version)).entry();
    }

    @Test
    void everyRepositoryOfSweBenchVerifiedAndMultilingualHasPresets() {
        for (String repo : SWE_BENCH) assertTrue(SwebenchPresets.specs().hasRepo(repo), repo);
        for (String repo : MULTILINGUAL) assertTrue(SwebenchPresets.specs().hasRepo(repo), repo);
        for (String repo : SWE_BENCH) {
            for (String version : SwebenchPresets.specs().versionKeys(repo)) {
                EnvironmentEntry e = preset(repo, version);
                assertEquals("swebench/sweb.eval.x86_64.{swebench_id}:latest", e.image(), repo + " " + version);
                assertEquals("/testbed", e.workdir());
                assertTrue(e.testCommand().endsWith(" {test_directives}"), repo + " " + version + ": " + e.testCommand());
                assertTrue(e.env().get("PATH").startsWith("/opt/miniconda3/envs/testbed/bin:"), repo);
                assertFalse(e.installs(), repo + " " + version);
            }
        }
    }

    @Test
    void eachRepositoryGetsTheFormatOfSweBenchsParserForIt() {
        Map<String, ResultFormat> expected = Map.ofEntries(
                Map.entry("django/django 3.0", ResultFormat.DJANGO),
                Map.entry("sympy/sympy 1.12", ResultFormat.SYMPY),
                Map.entry("pytest-dev/pytest 5.4", ResultFormat.PYTEST_LOG),
                Map.entry("mwaskom/seaborn 0.12", ResultFormat.PYTEST_LOG),
                Map.entry("psf/requests 2.0", ResultFormat.PYTEST_OPTIONS),
                Map.entry("pylint-dev/pylint 2.15", ResultFormat.PYTEST_OPTIONS),
                Map.entry("matplotlib/matplotlib 3.5", ResultFormat.MATPLOTLIB),
                Map.entry("astropy/astropy 5.0", ResultFormat.PYTEST_V2),
                Map.entry("scikit-learn/scikit-learn 1.3", ResultFormat.PYTEST_V2),
                Map.entry("sphinx-doc/sphinx 7.1", ResultFormat.PYTEST_V2),
                Map.entry("caddyserver/caddy 6411", ResultFormat.GO_TEST),
                Map.entry("burntsushi/ripgrep 2576", ResultFormat.CARGO_TEST),
                Map.entry("immutable-js/immutable-js 2005", ResultFormat.JEST_JSON),
                Map.entry("immutable-js/immutable-js 2006", ResultFormat.JEST),
                Map.entry("jekyll/jekyll 8761", ResultFormat.CUCUMBER),
                Map.entry("jekyll/jekyll 9141", ResultFormat.MINITEST),
                Map.entry("google/gson 1014", ResultFormat.MAVEN_LOG));
        expected.forEach((key, format) -> {
            String[] rv = key.split(" ");
            assertEquals(format, preset(rv[0], rv[1]).resultFormat(), key);
        });
        EnvironmentEntry django = preset("django/django", "3.0");
        assertEquals("./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1 {test_directives}",
                django.testCommand());
        assertEquals("en_US.UTF-8", django.env().get("LANG"));
        assertEquals("PYTHONWARNINGS='ignore::UserWarning,ignore::SyntaxWarning' bin/test -C --verbose"
                + " {test_directives}", preset("sympy/sympy", "1.12").testCommand());
        assertTrue(preset("google/gson", "1014").testCommand().startsWith("set -x; mvnd test"));
    }

    @Test
    void aSweBenchRowNeedsNoSpecAndASpecEntryReplacesThePreset() {
        Task row = Task.builder().instanceId("django__django-11099").repo("django/django").version("3.0")
                .baseCommit(EnvironmentResolverTest.C1).testPatch("""
                        diff --git a/tests/auth_tests/test_validators.py b/tests/auth_tests/test_validators.py
                        --- a/tests/auth_tests/test_validators.py
                        +++ b/tests/auth_tests/test_validators.py
                        @@ -1 +1 @@
                        -x
                        +y
                        diff --git a/tests/auth_tests/fixtures/users.json b/tests/auth_tests/fixtures/users.json
                        --- a/tests/auth_tests/fixtures/users.json
                        +++ b/tests/auth_tests/fixtures/users.json
                        @@ -1 +1 @@
                        -[]
                        +[{}]
                        """).failToPass(List.of("test_ascii_validator (auth_tests.test_validators.UsernameValidatorsTests)"))
                .build();
        Resolution r = EnvironmentResolver.of(null, null).resolve(row);
        assertTrue(r.resolved(), r.problem());
        assertEquals(Resolution.Source.PRESET, r.source());
        assertEquals("built-in SWE-bench presets: django/django 3.0", r.origin());
        EnvironmentSpec env = r.task().environment();
        assertEquals("swebench/sweb.eval.x86_64.django_1776_django-11099:latest", env.image());
        assertEquals("./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1"
                + " auth_tests.test_validators", env.testCommand());
        assertEquals(ResultFormat.DJANGO, env.resultFormat());
        assertEquals("/testbed", env.workdir());

        SpecFile mine = SpecFile.parse("django/django:\n  default:\n    base_image: fixpoint/python:latest\n"
                + "    test_command: python3 tests/runtests.py {test_directives}\n    result_format: django\n", "e.yaml");
        Resolution own = EnvironmentResolver.of(mine, null).resolve(row);
        assertEquals(Resolution.Source.SPEC_FILE, own.source());
        assertEquals("fixpoint/python:latest", own.task().environment().image());

        Resolution unknown = EnvironmentResolver.of(null, null).resolve(Task.builder().instanceId("django__django-1")
                .repo("django/django").version("0.1").baseCommit(EnvironmentResolverTest.C1).build());
        assertFalse(unknown.resolved());
        assertTrue(unknown.problem().endsWith("built-in SWE-bench presets have repo django/django but not version"
                + " \"0.1\""), unknown.problem());
    }

    @Test
    void testDirectivesAreSweBenchsFilesLessDataFilesAndDjangoLabels() {
        List<String> files = List.of("tests/queries/tests.py", "tests/queries/fixtures/a.json", "docs/x.txt",
                "tests/template_tests/templates/t.html");
        assertEquals(List.of("queries.tests", "template_tests.templates.t.html"),
                CommandTemplate.directives(files, "django/django"));
        assertEquals(List.of("tests/queries/tests.py", "tests/template_tests/templates/t.html"),
                CommandTemplate.directives(files, "sympy/sympy"));
        assertEquals("bin/test tests/test_a.py tests/test_new.py",
                CommandTemplate.expand("bin/test {test_directives}", CommandTemplateTest.task()));
        assertEquals("bin/test sympy/core/tests/test_x.py",
                CommandTemplate.expand("bin/test {test_directives}", CommandTemplateTest.task(),
                        List.of("sympy/core/tests/test_x.py")));
    }
}
