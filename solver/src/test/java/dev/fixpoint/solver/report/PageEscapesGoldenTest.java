package dev.fixpoint.solver.report;

import dev.fixpoint.harness.testing.Golden;
import org.junit.jupiter.api.Test;

/** What the HTML page escapes, byte for byte: text and attributes, and the JSON embedded in script elements. */
class PageEscapesGoldenTest {

    /** Every ASCII character, Latin-1, BMP and astral characters, and the JavaScript line separators. */
    static String everything() {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 0x80; c++) b.append(c);
        return b.append(" é ü 中文 😀 \u2028 \u2029 &amp; </script> <!--").toString();
    }

    @Test
    void htmlText() {
        Golden.assertMatches("html-escaped.txt", Html.esc(everything()) + "|" + Html.esc(null) + "|" + Html.esc("plain") + "\n");
    }

    @Test
    void scriptJson() {
        var n = SafeJson.mapper().createObjectNode().put("text", everything()).put("n", 1.5).putNull("none");
        n.putArray("list").add(everything()).add(true);
        Golden.assertMatches("script-json.txt", SafeJson.write(n) + "\n");
    }
}
