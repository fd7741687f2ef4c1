package org.familyengagement.importer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.familyengagement.model.Contact;

/**
 * Where the contact sources put their contacts, in order, each with where it came from (a source
 * and a line or row), so that a problem the dataset's own checks find can name the source's place.
 * A source that checked a contact's own references against the roster as it read it (as
 * {@code References.checkContactReferences} would) and gave it its language hands over its family's
 * position too: when every contact came so, the dataset is assembled without those checks.
 */
final class ContactSink {
    /** One source of contacts: a log file (lines) or a database query (rows). */
    static final class Source {
        final Path file;
        final String name;
        final boolean rows;
        /** contact field -> its column number (1-based), for placing a problem in a CSV row. */
        final java.util.Map<String, Integer> columns = new java.util.HashMap<>();

        Source(Path file, String name, boolean rows) {
            this.file = file;
            this.name = name;
            this.rows = rows;
        }
    }

    final List<Contact> contacts = new ArrayList<>();
    final List<Source> sources = new ArrayList<>();
    private byte[] sourceOf = new byte[1024];
    private int[] lineOf = new int[1024];
    /** Each contact's family position, while every contact came with one; then {@code null}. */
    private int[] familyOf = new int[1024];

    int source(Source source) {
        sources.add(source);
        if (sources.size() > 127) {
            throw new IllegalStateException("more than 127 contact sources");
        }
        return sources.size() - 1;
    }

    /** A contact whose references the dataset is to check. */
    void add(Contact contact, int source, long line) {
        familyOf = null;
        append(contact, source, line);
    }

    /**
     * A contact whose own references (family, student, caregiver, staff, school, language) were
     * checked against the roster, and which has its language; {@code family} is its family's position.
     */
    void addChecked(Contact contact, int source, long line, int family) {
        int at = append(contact, source, line);
        if (familyOf != null) {
            if (at == familyOf.length) {
                familyOf = Arrays.copyOf(familyOf, at * 2);
            }
            familyOf[at] = family;
        }
    }

    private int append(Contact contact, int source, long line) {
        int at = contacts.size();
        if (at == lineOf.length) {
            lineOf = Arrays.copyOf(lineOf, at * 2);
            sourceOf = Arrays.copyOf(sourceOf, at * 2);
        }
        lineOf[at] = (int) Math.min(line, Integer.MAX_VALUE);
        sourceOf[at] = (byte) source;
        contacts.add(contact);
        return at;
    }

    /** Each contact's family position, when every contact came with one ({@link #addChecked}); else {@code null}. */
    int[] familyOfContact() {
        return familyOf == null ? null : Arrays.copyOf(familyOf, contacts.size());
    }

    Source sourceOf(int contact) {
        return sources.get(sourceOf[contact]);
    }

    int lineOf(int contact) {
        return lineOf[contact];
    }
}
