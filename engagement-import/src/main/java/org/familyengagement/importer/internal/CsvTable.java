package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.errors.Problem;

/**
 * Streams a UTF-8 CSV table with a header row, row by row, with the line each row starts on;
 * problems (not UTF-8, malformed, empty, missing columns) are reported under the table's name.
 * Read with {@link CsvReader} (RFC 4180, empty lines skipped).
 */
final class CsvTable {
    /** One row: its cells by column name, and where it is; valid while the consumer has it. */
    static final class Row {
        private final CsvReader record;
        private final Map<String, Integer> columns;
        final long line;
        private final String name;

        Row(CsvReader record, Map<String, Integer> columns, long line, String name) {
            this.record = record;
            this.columns = columns;
            this.line = line;
            this.name = name;
        }

        /** The stripped cell of {@code column}, or {@code null} when empty or the table has no such column. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        /** The number (from 1) of a column, or -1 when the table has none of that name. */
        int column(String column) {
            Integer index = columns.get(column);
            return index == null ? -1 : index + 1;
        }

        /** {@code name:line:column} of a cell. */
        String at(String column) {
            Integer index = columns.get(column);
            return name + ":" + line + (index == null ? "" : ":" + (index + 1));
        }
    }

    interface RowConsumer {
        void accept(Row row);
    }

    private CsvTable() {
    }

    /**
     * Reads every row of the table in {@code in} (closed afterwards).
     *
     * @param name     how problems name the table: a file, or {@code zip!entry}
     * @param required columns the header must have
     */
    static void read(InputStream in, String name, List<String> required, Problems problems, RowConsumer consumer) {
        try (Reader reader = new DecodingReader(in, StandardCharsets.UTF_8);
             CsvReader parser = new CsvReader(reader, ',')) {
            if (!parser.next()) {
                problems.add(name + ":1", "the file is empty; expected a header row naming the columns");
                return;
            }
            List<String> header = new ArrayList<>(parser.size());
            for (int i = 0; i < parser.size(); i++) {
                header.add(parser.get(i));
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i).strip();
                names.add(column);
                columns.putIfAbsent(column, i);
            }
            boolean ok = true;
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    problems.add(name + ":1", "no column " + Problem.quote(column) + Texts.didYouMean(column, names));
                    ok = false;
                }
            }
            if (!ok) {
                return;
            }
            long line = parser.lineNumber();
            while (parser.next()) {
                long start = line + 1;
                line = parser.lineNumber();
                if (parser.size() == 1 && parser.get(0).isBlank()) {
                    continue;
                }
                consumer.accept(new Row(parser, columns, start, name));
            }
        } catch (IOException cause) {
            if (cause instanceof DecodingReader.BadEncoding bad) {
                problems.add(name + ":" + bad.line + ":" + bad.column, String.format(Locale.ROOT,
                        "the file is not UTF-8 text: byte 0x%02X cannot be decoded; OneRoster files are UTF-8",
                        bad.badByte));
            } else {
                String message = Texts.firstLine(cause.getMessage());
                int excerpt = message.indexOf(" around ");
                problems.add(name, "malformed CSV: " + (excerpt > 0 ? message.substring(0, excerpt) : message));
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(name, "malformed CSV: " + Texts.firstLine(e.getMessage()));
        }
    }
}
