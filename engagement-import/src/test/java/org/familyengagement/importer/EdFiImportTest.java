package org.familyengagement.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.model.Restriction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ed-Fi "Grand Bend" sample: the counts docs/import.md documents, the calendar, privacy, bad input. */
class EdFiImportTest {
    static ImportResult result;
    static Dataset dataset;

    @BeforeAll
    static void importSample() {
        result = Examples.run(Examples.ED_FI);
        dataset = result.dataset();
    }

    @Test
    void studentsFamiliesAndCaregiversAsDocumented() {
        assertThat(dataset.families().stream().mapToInt(f -> f.students().size()).sum()).isEqualTo(960);
        // No contact in the sample is shared by two students, so each student is a household of its own.
        assertThat(dataset.families()).hasSize(960);
        assertThat(dataset.families().stream().mapToInt(f -> f.caregivers().size()).sum()).isEqualTo(1872);
        assertThat(result.counts()).containsEntry("../examples/data/ed-fi/Contact.xml contacts", 1873)
                .containsEntry("../examples/data/ed-fi/Contact.xml contacts with no student (left out)", 1);
        Family first = dataset.family("f-604821").orElseThrow();
        assertThat(first.caregivers()).extracting(Caregiver::id, Caregiver::relationship)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("778393", "MOTHER"),
                        org.assertj.core.groups.Tuple.tuple("779017", "FATHER"));
        // Telephones say how to reach a caregiver; the sample records no language.
        assertThat(first.preference()).isNotNull();
        assertThat(first.preference().languages()).isEmpty();
        assertThat(first.caregivers()).allMatch(c -> c.restriction() == Restriction.NONE);
    }

    @Test
    void theCalendarGivesTheSchoolYearTheBreakAndTheSchools() {
        assertThat(dataset.district().schoolYearStart()).isEqualTo(LocalDate.of(2021, 8, 23));
        // The weekdays between the fall session (ends 2021-12-17) and the spring one (starts 2022-01-04).
        assertThat(dataset.district().holidays()).hasSize(11).first().isEqualTo(LocalDate.of(2021, 12, 20));
        assertThat(dataset.district().holidays()).last().isEqualTo(LocalDate.of(2022, 1, 3));
        assertThat(dataset.district().schools()).extracting(s -> s.id())
                .containsExactly("255901001", "255901044", "255901107");
        assertThat(result.warnings()).hasSize(6).allMatch(w -> w.message().contains("missing from the calendar"));
    }

    @Test
    void noNameAddressOrTelephoneNumberReachesTheDataset() throws IOException {
        String xml = Files.readString(Examples.DATA.resolve("ed-fi/Contact.xml"));
        Set<String> personal = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("<(FirstName|LastSurname|StreetNumberName|TelephoneNumber|"
                + "ElectronicMailAddress|PreferredFirstName)>([^<]+)<").matcher(xml);
        while (matcher.find()) {
            personal.add(matcher.group(2));
        }
        assertThat(personal).hasSizeGreaterThan(1000);
        String json = Examples.json(dataset);
        for (String value : personal) {
            assertThat(json).as("the dataset JSON").doesNotContain("\"" + value + "\"");
        }
        assertThat(json).doesNotContain("Dyer", "New Street", "(950)");
    }

    @Test
    void aRosterThatDoesNotJoinIsReportedAtItsElementOrSkipped(@TempDir Path dir) throws IOException {
        Path contacts = Examples.write(dir, "Contact.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeContact xmlns="http://ed-fi.org/5.2.0">
                  <Contact id="P1"><ContactUniqueId>c-1</ContactUniqueId><Name><FirstName>Ann</FirstName></Name>
                    <Telephone><TelephoneNumber>555</TelephoneNumber><TelephoneNumberType>uri://ed-fi.org/TelephoneNumberTypeDescriptor#Mobile</TelephoneNumberType><TextMessageCapabilityIndicator>false</TextMessageCapabilityIndicator></Telephone>
                    <Language><Language>uri://ed-fi.org/LanguageDescriptor#spa</Language><LanguageUse>uri://ed-fi.org/LanguageUseDescriptor#Home language</LanguageUse></Language>
                  </Contact>
                  <StudentContactAssociation>
                    <StudentReference><StudentIdentity><StudentUniqueId>s-1</StudentUniqueId></StudentIdentity></StudentReference>
                    <ContactReference ref="P1"/>
                    <Relation>uri://ed-fi.org/RelationDescriptor#Father, step</Relation>
                    <LivesWith>true</LivesWith>
                    <ContactRestrictions>Court order: no pick-up</ContactRestrictions>
                  </StudentContactAssociation>
                  <StudentContactAssociation>
                    <StudentReference><StudentIdentity><StudentUniqueId>s-404</StudentUniqueId></StudentIdentity></StudentReference>
                    <ContactReference ref="P1"/>
                  </StudentContactAssociation>
                </InterchangeContact>
                """);
        Examples.write(dir, "Student.xml", """
                <InterchangeStudent xmlns="http://ed-fi.org/5.2.0"><Student><StudentUniqueId>s-1</StudentUniqueId></Student></InterchangeStudent>
                """);
        Path config = Examples.write(dir, "import.yaml", """
                district: {id: d, timeZone: America/Chicago}
                edFi: {students: Student.xml, contacts: Contact.xml, homeLanguageGroup: homeLanguage}
                """);

        InvalidImportException error = catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config));
        assertThat(error.problems()).extracting(Object::toString).containsExactly(
                contacts + ":14:30 /InterchangeContact/StudentContactAssociation[2]: no Student with StudentUniqueId"
                        + " \"s-404\" in " + dir.resolve("Student.xml"));

        Files.writeString(config, Files.readString(config) + "unjoinable: SKIP\n");
        ImportResult skipped = Importer.run(config);
        assertThat(skipped.warnings()).hasSize(1).first().asString().endsWith("; association skipped");
        Family family = skipped.dataset().families().get(0);
        Caregiver caregiver = family.caregivers().get(0);
        assertThat(caregiver.relationship()).isEqualTo("STEPFATHER");
        assertThat(caregiver.restriction()).isEqualTo(Restriction.NO_CONTACT);
        // A mobile that cannot take texts is a phone only; spa is Spanish.
        assertThat(caregiver.preference().channels()).containsExactly(Channel.PHONE);
        assertThat(caregiver.preference().languages()).containsExactly("es");
        assertThat(family.groups()).containsEntry("homeLanguage", "es");
        assertThat(Examples.json(skipped.dataset())).doesNotContain("Ann", "Court order");
    }

    @Test
    void badXmlIsReportedWithItsPlace(@TempDir Path dir) throws IOException {
        Path students = Examples.write(dir, "Student.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "  <Student><StudentUniqueId>s-1</StudentUniqueId></Student>\n  <Student>\n</InterchangeStudent>\n");
        Path contacts = Examples.write(dir, "Contact.xml", "");
        Path calendar = Examples.write(dir, "Calendar.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\"/>");
        Path config = Examples.write(dir, "import.yaml", """
                district: {id: d, timeZone: America/Chicago}
                edFi: {students: Student.xml, contacts: Contact.xml, calendar: Calendar.xml}
                """);

        // StAX places an element at the end of its start tag. Every file is read: all problems at once.
        InvalidImportException error = catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config));
        assertThat(error.problems()).extracting(Object::toString).containsExactly(
                calendar + ":1:53: the root element is \"InterchangeStudent\"; expected InterchangeEducationOrgCalendar"
                        + " (an Ed-Fi InterchangeEducationOrgCalendar interchange)",
                students + ":4:3: malformed XML: The element type \"Student\" must be terminated by the matching"
                        + " end-tag \"</Student>\".",
                contacts + ":1:1: the file is empty; expected an InterchangeContact document");
    }

    @Test
    void anUnknownDescriptorSaysHowToMapIt(@TempDir Path dir) throws IOException {
        Path contacts = Examples.write(dir, "Contact.xml", """
                <InterchangeContact xmlns="http://ed-fi.org/5.2.0"><Contact><ContactUniqueId>c-1</ContactUniqueId>
                <Telephone><TelephoneNumber>1</TelephoneNumber><TelephoneNumberType>uri://x#Mobil</TelephoneNumberType></Telephone>
                <Language><Language>uri://x#Spanish</Language></Language></Contact></InterchangeContact>
                """);
        Examples.write(dir, "Student.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\"/>");
        Path config = Examples.write(dir, "import.yaml",
                "district: {id: d, timeZone: America/Chicago}\nedFi: {students: Student.xml, contacts: Contact.xml}\n");

        InvalidImportException error = catchThrowableOfType(InvalidImportException.class, () -> Importer.run(config));
        assertThat(error.problems()).extracting(Object::toString).containsExactly(
                contacts + ":2:69 /InterchangeContact/Contact[1]/Telephone[1]/TelephoneNumberType[1]: unknown"
                        + " TelephoneNumberType \"Mobil\"; did you mean \"Mobile\"?; known: Mobile, Home, Work, Other,"
                        + " Emergency 1, Emergency 2, Unlisted, Fax; map it under edFi.telephoneTypes",
                contacts + ":3:21 /InterchangeContact/Contact[1]/Language[1]/Language[1]: unknown Language descriptor"
                        + " \"Spanish\": not an ISO 639 code; map it to a BCP 47 tag under edFi.languages");
    }
}
