package org.familyengagement.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.familyengagement.errors.Problem;

/**
 * Streams a UTF-8 CSV table with a header row, row by row, with the line each row starts on;
 * problems (not UTF-8, malformed, empty, missing columns) are reported under the table's name.
 */
final class CsvTable {
    /** One row: its cells by column name, and where it is. */
    static final class Row {
        private final CSVRecord record;
        private final Map<String, Integer> columns;
        final long line;
        private final String name;

        Row(CSVRecord record, Map<String, Integer> columns, long line, String name) {
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
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (Reader reader = new DecodingReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(name + ":1", "the file is empty; expected a header row naming the columns");
                return;
            }
            CSVRecord header = records.next();
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
            long line = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                consumer.accept(new Row(record, columns, start, name));
            }
        } catch (UncheckedIOException | IOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
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
