package dev.fixpoint.harness.results;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads per-test outcomes from JUnit XML reports: Maven Surefire ({@code TEST-pkg.Class.xml}), Gradle, and the
 * JUnit Platform console launcher ({@code TEST-junit-jupiter.xml}). Names become {@code pkg.Class#method}:
 * {@code classname} as written (nested classes keep {@code Outer$Inner}), the method without its parameter types
 * ({@code add(int, int)[1]} -> {@code add[1]}, {@code adds()} -> {@code adds}).
 *
 * <p>The reports come from untrusted code: DTDs and external entities are refused. A malformed file becomes a
 * problem in the result, not an exception. Surefire's {@code flakyFailure}/{@code flakyError} (failed, then passed
 * on rerun) count as passed. A test reported twice keeps its worse outcome. Pure: no I/O.
 */
public final class JUnitXmlParser {

    /** {@link TestResults#source()} of results read by this parser. */
    public static final String SOURCE = "junit_xml";

    private JUnitXmlParser() {}

    /**
     * Parses report files.
     *
     * @param files file name (for messages) -> content; iterated in name order
     */
    public static TestResults parse(Map<String, byte[]> files) {
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            try {
                readInto(parseXml(file.getValue()), outcomes);
            } catch (SAXException | IOException e) {
                problems.add(file.getKey() + ": not a readable JUnit XML report: " + e.getMessage());
            }
        }
        if (files.isEmpty()) problems.add("no JUnit XML report files found");
        return new TestResults(outcomes, SOURCE, problems);
    }

    private static void readInto(Document doc, Map<String, TestOutcome> outcomes) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element tc = (Element) cases.item(i);
            String cls = tc.getAttribute("classname").strip();
            String name = tc.getAttribute("name").strip();
            if (name.isEmpty()) continue;
            String key = cls.isEmpty() ? name : cls + "#" + TestNames.stripParameterTypes(name);
            outcomes.merge(key, outcomeOf(tc), TestOutcome::worse);
        }
    }

    private static TestOutcome outcomeOf(Element testcase) {
        TestOutcome outcome = TestOutcome.PASSED;
        for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) continue;
            TestOutcome o = switch (child.getNodeName()) {
                case "failure" -> TestOutcome.FAILED;
                case "error" -> TestOutcome.ERROR;
                case "skipped" -> TestOutcome.SKIPPED;
                default -> TestOutcome.PASSED; // system-out, properties, flakyFailure, rerunFailure...
            };
            outcome = TestOutcome.worse(outcome, o);
        }
        return outcome;
    }

    /**
     * Parses one XML document with the JDK's parser, DTDs and external entities refused (the reports come from
     * untrusted code); also used by {@link DoctestXmlLogParser}.
     */
    static Document parseXml(byte[] content) throws SAXException, IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            return b.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a secure-processing feature", e);
        }
    }
}
