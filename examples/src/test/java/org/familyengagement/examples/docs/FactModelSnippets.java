package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
// tag::read-export[]
import java.io.IOException;
import java.nio.file.Path;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;

class ReadExport {
    public static void main(String[] args) throws IOException {
        Dataset dataset;
        try {
            dataset = DatasetReader.read(Path.of(args[0]));            // export.json
        } catch (InvalidDatasetException e) {
            for (Problem problem : e.problems()) {
                System.err.println(problem);    // /contacts/3/familyId: no family "f-99"
            }
            return;
        }
        Family family = dataset.family("f-000001").orElseThrow();
        for (Contact contact : dataset.contactsOf(family.id())) {    // in time order
            System.out.println(contact.at() + " " + contact.direction() + " " + contact.channel()
                    + " in " + contact.language());                  // the district default if none was given
        }
        dataset.staffMember("t-001").ifPresent(staff -> System.out.println(staff.role()));
    }
}
// end::read-export[]

/** The Java of docs/fact-model.md. */
class FactModelSnippets {
    @org.junit.jupiter.api.Test
    void readExportPrintsAFamilysContactsInTimeOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ReadExport.main(new String[] {"../examples/data/sample-district.json"});
        } finally {
            System.setOut(before);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^2026-\\S+ (INBOUND|OUTBOUND) \\w+ in \\S+$");
    }
}
