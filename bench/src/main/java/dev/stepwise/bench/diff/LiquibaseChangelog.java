package dev.stepwise.bench.diff;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a changelog {@code diffChangelog} wrote holds: its changesets, and the changes in them by
 * kind ({@code addColumn}, {@code dropTable}...), to compare with the changes Stepwise found.
 */
record LiquibaseChangelog(int changeSets, Map<String, Integer> changesByKind) {

    LiquibaseChangelog {
        // by name, for the results file
        changesByKind = java.util.Collections.unmodifiableMap(new TreeMap<>(changesByKind));
    }

    static LiquibaseChangelog read(Path file) throws Exception {
        if (!file.toFile().exists()) {
            // Liquibase writes no file when it finds no difference
            return new LiquibaseChangelog(0, Map.of());
        }
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        NodeList sets = root.getElementsByTagName("changeSet");
        Map<String, Integer> kinds = new TreeMap<>();
        for (int s = 0; s < sets.getLength(); s++) {
            NodeList children = sets.item(s).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                Node change = children.item(c);
                if (change.getNodeType() == Node.ELEMENT_NODE) {
                    kinds.merge(change.getNodeName(), 1, Integer::sum);
                }
            }
        }
        return new LiquibaseChangelog(sets.getLength(), kinds);
    }

    int changes() {
        return changesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}
