package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.familyengagement.errors.Problem;

/**
 * Streams an XML interchange with StAX, one record (a child of the root element) at a time: only
 * the record being read is held, as a small tree of {@link Element}s that know their line, column
 * and element path ({@code /InterchangeContact/Contact[3]/Telephone[2]}). DTDs and external
 * entities are refused. A file that is not well-formed XML (or not text in its declared encoding)
 * is reported with the parser's line and column, after the records before it were read.
 */
final class XmlRecords {
    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** One element of a record: its local name, attributes, text (leaves) and children. */
    static final class Element {
        final String name;
        final String path;
        final int line;
        final int column;
        final Map<String, String> attributes;
        final List<Element> children = new ArrayList<>();
        String text = "";

        Element(String name, String path, int line, int column, Map<String, String> attributes) {
            this.name = name;
            this.path = path;
            this.line = line;
            this.column = column;
            this.attributes = attributes;
        }

        /** The first child named {@code name}, or {@code null}. */
        Element child(String name) {
            for (Element child : children) {
                if (child.name.equals(name)) {
                    return child;
                }
            }
            return null;
        }

        /** Every child named {@code name}. */
        List<Element> all(String name) {
            List<Element> found = new ArrayList<>();
            for (Element child : children) {
                if (child.name.equals(name)) {
                    found.add(child);
                }
            }
            return found;
        }

        /** The text of the descendant at {@code names} (a path of child names), or {@code null}. */
        String text(String... names) {
            Element element = find(names);
            if (element == null) {
                return null;
            }
            String value = element.text.strip();
            return value.isEmpty() ? null : value;
        }

        Element find(String... names) {
            Element element = this;
            for (String name : names) {
                element = element.child(name);
                if (element == null) {
                    return null;
                }
            }
            return element;
        }

        /** {@code file:line:column /path}. */
        String at(Path file) {
            return Problems.at(file, line, column, path);
        }
    }

    private XmlRecords() {
    }

    /**
     * Calls {@code record} for each child of the root element, which must be named {@code root}.
     *
     * @return {@code false} when the file could not be read to its end (reported)
     */
    static boolean read(Path file, String root, Problems problems, Consumer<Element> record) {
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                problems.add(Problems.name(file), "is a directory, not an XML file");
                return false;
            }
            if (Files.size(file) == 0) {
                problems.add(Problems.at(file, 1, 1), "the file is empty; expected an " + root + " document");
                return false;
            }
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            problems.add(Problems.name(file), "no such file");
            return false;
        } catch (IOException e) {
            problems.add(Problems.name(file), "cannot be read: " + Texts.reason(e));
            return false;
        }
        XMLStreamReader reader = null;
        try (in) {
            reader = FACTORY.createXMLStreamReader(in);
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog
            }
            if (!reader.isStartElement()) {
                problems.add(Problems.at(file, 1, 1), "no root element; expected an " + root + " document");
                return false;
            }
            if (!reader.getLocalName().equals(root)) {
                Location at = reader.getLocation();
                problems.add(Problems.at(file, at.getLineNumber(), at.getColumnNumber()), "the root element is "
                        + Problem.quote(reader.getLocalName()) + "; expected " + root + " (an Ed-Fi " + root
                        + " interchange)");
                return false;
            }
            String namespace = reader.getNamespaceURI();
            if (namespace == null || !namespace.startsWith("http://ed-fi.org/")) {
                Location at = reader.getLocation();
                problems.add(Problems.at(file, at.getLineNumber(), at.getColumnNumber()), "the root element is not "
                        + "in an Ed-Fi namespace (http://ed-fi.org/5.2.0), but in " + Problem.quote(String.valueOf(namespace)));
                return false;
            }
            String rootPath = "/" + root;
            Map<String, Integer> counts = new HashMap<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    int index = counts.merge(name, 1, Integer::sum);
                    record.accept(element(reader, rootPath + "/" + name + "[" + index + "]"));
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
            return true;
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage();
            // The parser's message repeats the place in a prefix: keep the reason only.
            int reason = message == null ? -1 : message.indexOf("Message: ");
            String text = reason >= 0 ? message.substring(reason + "Message: ".length()) : message;
            problems.add(at == null ? Problems.name(file) : Problems.at(file, at.getLineNumber(), at.getColumnNumber()),
                    "malformed XML: " + Texts.firstLine(text));
            return false;
        } catch (IOException e) {
            problems.add(Problems.name(file), "cannot be read: " + Texts.reason(e));
            return false;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Closing after a failure has nothing to add.
                }
            }
        }
    }

    /** Reads the element under the cursor, and everything in it, into a tree. */
    private static Element element(XMLStreamReader reader, String path) throws XMLStreamException {
        Location at = reader.getLocation();
        Map<String, String> attributes = Map.of();
        if (reader.getAttributeCount() > 0) {
            attributes = new LinkedHashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }
        Element element = new Element(reader.getLocalName(), path, at.getLineNumber(), at.getColumnNumber(), attributes);
        Map<String, Integer> counts = null;
        StringBuilder text = null;
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (counts == null) {
                    counts = new HashMap<>();
                }
                String name = reader.getLocalName();
                int index = counts.merge(name, 1, Integer::sum);
                element.children.add(element(reader, path + "/" + name + "[" + index + "]"));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (text != null && element.children.isEmpty()) {
                    element.text = text.toString();
                }
                return element;
            }
        }
    }
}
