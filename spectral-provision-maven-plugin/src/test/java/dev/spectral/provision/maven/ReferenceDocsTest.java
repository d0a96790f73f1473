package dev.spectral.provision.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code docs/reference.md}, the goal and parameter reference, is generated from the plugin
 * descriptor (the Mojos' Javadoc and annotations): the one source of what each goal and parameter
 * does. This test fails when the committed page differs; {@code -Dspectral.docs.write=true} writes it.
 */
class ReferenceDocsTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path PAGE = Path.of("../docs/reference.md");

    @Test
    void theReferencePageIsGeneratedFromTheMojos() throws Exception {
        String generated = render(DESCRIPTOR);
        if (Boolean.getBoolean("spectral.docs.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(
                generated,
                committed,
                "docs/reference.md is out of date with the Mojos' Javadoc: run "
                        + "./mvnw -pl spectral-provision-maven-plugin test -Dtest=ReferenceDocsTest -Dspectral.docs.write=true, and commit it");
    }

    static String render(Path descriptor) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        Element plugin = doc.getDocumentElement();
        StringBuilder out = new StringBuilder();
        out.append("# Goals and parameters\n\n")
                .append("<!-- Generated from the Mojos' Javadoc by ReferenceDocsTest; do not edit by hand. -->\n\n")
                .append("Every goal of `")
                .append(text(plugin, "groupId"))
                .append(':')
                .append(text(plugin, "artifactId"))
                .append("`, called as `mvn ")
                .append(text(plugin, "goalPrefix"))
                .append(":GOAL`. A parameter is set with its ")
                .append(
                        "property on the command line (`-Dproperty=value`) or as `<configuration><parameter>` in the POM. ")
                .append(
                        "How the goals work, with examples: [provision](goals/provision.md), [rotate](goals/rotate.md), ")
                .append("[verify](goals/verify.md).\n");
        List<Element> mojos = children(child(plugin, "mojos"), "mojo");
        mojos.sort(Comparator.comparing(m -> text(m, "goal")));
        for (Element mojo : mojos) {
            out.append("\n## `")
                    .append(text(plugin, "goalPrefix"))
                    .append(':')
                    .append(text(mojo, "goal"))
                    .append("`\n\n")
                    .append(oneLine(text(mojo, "description")))
                    .append("\n\n");
            String phase = text(mojo, "phase");
            out.append("Bound by default to the `")
                    .append(phase.isEmpty() ? "(none)" : phase)
                    .append("` phase")
                    .append(
                            "true".equals(text(mojo, "aggregator"))
                                    ? "; runs once per build, at the project where it starts"
                                    : "")
                    .append(".\n\n");
            Map<String, Element> configuration = new HashMap<>();
            Element config = child(mojo, "configuration");
            if (config != null) {
                children(config, null).forEach(e -> configuration.put(e.getTagName(), e));
            }
            List<Element> parameters = new ArrayList<>(children(child(mojo, "parameters"), "parameter").stream()
                    .filter(p -> "true".equals(text(p, "editable")))
                    .toList());
            parameters.sort(Comparator.comparing(p -> text(p, "name")));
            out.append("| Parameter | Property | Default | Description |\n|---|---|---|---|\n");
            for (Element parameter : parameters) {
                String name = text(parameter, "name");
                Element value = configuration.get(name);
                String expression = value == null ? "" : value.getTextContent().strip();
                String property = expression.startsWith("${") && expression.endsWith("}")
                        ? "`" + expression.substring(2, expression.length() - 1) + "`"
                        : "(POM only)";
                String defaultValue =
                        value == null || value.getAttribute("default-value").isEmpty()
                                ? ""
                                : "`" + value.getAttribute("default-value") + "`";
                out.append("| `")
                        .append(name)
                        .append('`')
                        .append("true".equals(text(parameter, "required")) ? " (required)" : "")
                        .append(" | ")
                        .append(property)
                        .append(" | ")
                        .append(defaultValue)
                        .append(" | ")
                        .append(oneLine(text(parameter, "description")).replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** One line of Markdown: HTML's angle brackets shown, not taken for tags. */
    private static String oneLine(String text) {
        return String.join(" ", text.strip().split("\\s+"))
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent();
    }
}
