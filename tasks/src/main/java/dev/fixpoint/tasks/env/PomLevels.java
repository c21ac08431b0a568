package dev.fixpoint.tasks.env;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Java language levels a POM asks the compiler for: {@code maven.compiler.source}, {@code .target} and
 * {@code .release} properties, and {@code source}, {@code target} and {@code release} in the configuration of
 * {@code maven-compiler-plugin} (plugins and plugin management, executions included), with {@code ${property}}
 * references resolved against the POM's own properties. Levels are numbers: {@code 1.6} is 6.
 */
final class PomLevels {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern LEVEL = Pattern.compile("(?:1\\.)?(\\d+)");

    private PomLevels() {}

    /** The lowest level the POM names, or empty when it names none (or does not parse). */
    static OptionalInt lowest(String pom) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) { // a POM Maven itself would refuse: no level to adjust
            return OptionalInt.empty();
        }
        Map<String, String> properties = new HashMap<>();
        for (Element props : children(doc.getDocumentElement(), "properties")) {
            for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        List<String> values = new ArrayList<>();
        for (String p : List.of("maven.compiler.source", "maven.compiler.target", "maven.compiler.release")) {
            if (properties.containsKey(p)) {
                values.add(properties.get(p));
            }
        }
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (!children(plugin, "artifactId").stream().anyMatch(a -> a.getTextContent().strip()
                    .equals("maven-compiler-plugin"))) {
                continue;
            }
            NodeList configs = plugin.getElementsByTagName("configuration");
            for (int j = 0; j < configs.getLength(); j++) {
                for (String name : List.of("source", "target", "release")) {
                    children((Element) configs.item(j), name).forEach(e -> values.add(e.getTextContent().strip()));
                }
            }
        }
        return values.stream().map(v -> resolve(v, properties)).map(LEVEL::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).min();
    }

    private static String resolve(String value, Map<String, String> properties) {
        String v = value;
        for (int depth = 0; depth < 5; depth++) {
            Matcher m = REFERENCE.matcher(v);
            if (!m.matches() || !properties.containsKey(m.group(1))) {
                break;
            }
            v = properties.get(m.group(1));
        }
        return v;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
