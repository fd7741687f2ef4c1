package org.familyengagement.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvReader} reads as Commons CSV (RFC 4180, ignoring empty lines, no trimming) did before
 * it: the same records, the same line number after each, the same failures with the same messages.
 */
class CsvReaderTest {
    @Test
    void readsTheCasesTheImportMeets() throws IOException {
        for (String text : List.of("", "\n", "\r\n\r\n", "a", "a\n", "a,b\n", "a,b,\n", "a,b,", ",", ",\n",
                "h\n\n\nx\r\n\r\ny\rz\n   \nw", "\"a,b\",c\n", "\"a\"\"b\",c", "\"a\nb\",c\r\nd,e\n",
                "\"a\"  ,b\n\"c\" \n", "ab\"c,d\n", "\"\"\n", "\"\",\"\"", "a,\"b", "a,\"b\"x,c\n", "\"a\"\r",
                "\"a\"\rb\n", "a\r\rb", "\uFEFFa,b\n", "é,\"ü\"\n", "a,b\n\"c\n\nd\"x\n")) {
            assertSame(text, ',');
        }
        assertSame("a;b\n\"c;d\";e", ';');
        assertSame("a\tb\n\"c\td\"\te\n", '\t');
    }

    @Test
    void readsGeneratedInputAsCommonsCsvDoes() throws IOException {
        Random random = new Random(13);
        char[] alphabet = {'a', 'b', ' ', ',', ';', '"', '"', '\r', '\n', '\n', 'é', '\t', 'x'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int size = random.nextInt(n % 10 == 0 ? 400 : 40);
            for (int i = 0; i < size; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSame(text.toString(), n % 3 == 0 ? ';' : ',');
        }
    }

    @Test
    void readsRecordsLongerThanItsBuffer() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("\"x").append("y".repeat(i % 97)).append("\"\"z\",").append("w".repeat(i % 300)).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        text.append("q".repeat(200_000)).append(",\"").append("r\n".repeat(70_000)).append("\"x");
        assertSame(text.toString(), ',');
    }

    /** What a reader made of a text: each record with the line number after it, then the failure if any. */
    private static List<String> commons(String text, char delimiter) throws IOException {
        List<String> out = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    out.add(record.toList() + " @" + parser.getCurrentLineNumber());
                }
            } catch (UncheckedIOException e) {
                out.add("failed: " + e.getCause().getMessage());
            }
        }
        return out;
    }

    private static List<String> ours(String text, char delimiter) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text), delimiter)) {
            try {
                while (reader.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < reader.size(); i++) {
                        cells.add(reader.get(i));
                    }
                    out.add(cells + " @" + reader.lineNumber());
                }
            } catch (CsvReader.Malformed e) {
                out.add("failed: " + e.getMessage());
            }
        }
        return out;
    }

    private static void assertSame(String text, char delimiter) throws IOException {
        assertThat(ours(text, delimiter)).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
                .isEqualTo(commons(text, delimiter));
    }
}
