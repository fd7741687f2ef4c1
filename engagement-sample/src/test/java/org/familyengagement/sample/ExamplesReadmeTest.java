package org.familyengagement.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/data/README.md's table of what is planted for the v2 rules says what the generated
 * sample holds: each count is what the rule finds by RULES.md ({@link RulesV2}), and each id it
 * names (and each id in a range such as {@code `b-0043` to `b-0050`}) is a subject or evidence of
 * that rule.
 */
class ExamplesReadmeTest {
    static final Path README = Path.of(System.getProperty("basedir", "."), "..", "examples", "data", "README.md");
    private static final Pattern ID = Pattern.compile("`((b|mt|f|k|c)-(\\d+))`(?: to `\\2-(\\d+)`)?");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

    private static Dataset sample;
    private static RulesV2 rules;
    private static Map<String, String[]> rows;

    @BeforeAll
    static void read() throws IOException {
        sample = Fall2026.sample();
        rules = Fall2026.rules();
        rows = v2Rows(Files.readString(README));
    }

    @Test
    void theTableHasARowForEachOfTheTenV2Rules() {
        assertThat(rows.keySet()).containsExactly("untranslated-broadcast", "child-interpreter",
                "meeting-without-interpreter", "restricted-contact", "iep-input-late", "iep-draft-late",
                "early-conference-missing", "inflexible-meeting-times", "no-progress-contact",
                "group-strengths-disparity");
    }

    @Test
    void everyCountIsWhatTheRuleFinds() {
        assertThat(count("untranslated-broadcast")).isEqualTo(rules.untranslatedBroadcasts().size());
        assertThat(count("child-interpreter")).isEqualTo(rules.childInterpreter().size());
        assertThat(count("meeting-without-interpreter")).isEqualTo(rules.meetingWithoutInterpreter().size());
        assertThat(count("restricted-contact")).isEqualTo(rules.restrictedContact().size());
        assertThat(count("iep-input-late")).isEqualTo(rules.iepInputLate().size());
        assertThat(count("iep-draft-late")).isEqualTo(rules.iepDraftLate().size());
        assertThat(count("early-conference-missing")).isEqualTo(rules.earlyConferenceMissing().size());
        assertThat(count("inflexible-meeting-times")).isEqualTo(rules.inflexibleMeetingTimes().size());
        assertThat(count("no-progress-contact")).isEqualTo(rules.noProgressContact().size());
        List<RulesV2.Flag> flags = new ArrayList<>();
        for (String dimension : List.of("homeLanguage", "income", "housing")) {
            flags.addAll(rules.groupStrengthsDisparity(dimension));
        }
        assertThat(count("group-strengths-disparity")).isEqualTo(flags.size());
        assertThat(flags).allSatisfy(flag -> assertThat(rows.get("group-strengths-disparity")[2])
                .contains("`" + flag.dimension() + "=" + flag.label().label() + "`"));
    }

    @Test
    void everyIdNamedIsASubjectOrEvidenceOfItsRule() {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Set<String> untranslated = new HashSet<>(rules.untranslatedBroadcasts().keySet());
        rules.untranslatedBroadcasts().values().forEach(untranslated::addAll);
        found.put("untranslated-broadcast", untranslated);

        Set<String> child = new HashSet<>(rules.childInterpreter());
        for (Contact contact : sample.contacts()) {
            if (contact.interpretation() == Interpretation.STUDENT && rules.inWindow(contact.at())) {
                child.add(contact.id());
            }
        }
        for (Meeting meeting : sample.meetings()) {
            if (meeting.interpretation() == Interpretation.STUDENT && rules.meetingInWindow(meeting)) {
                child.add(meeting.id());
            }
        }
        found.put("child-interpreter", child);

        Set<String> restricted = new HashSet<>(rules.restrictedContact().keySet());
        rules.restrictedContact().values().forEach(restricted::addAll);
        for (String familyId : rules.restrictedContact().keySet()) {
            for (Caregiver caregiver : sample.family(familyId).orElseThrow().caregivers()) {
                if (caregiver.isNoContact()) {
                    restricted.add(caregiver.id());
                }
            }
        }
        found.put("restricted-contact", restricted);

        found.put("meeting-without-interpreter", withFamilies(rules.meetingWithoutInterpreter()));
        found.put("iep-input-late", withFamilies(rules.iepInputLate()));
        found.put("iep-draft-late", withFamilies(rules.iepDraftLate()));
        found.put("early-conference-missing", rules.earlyConferenceMissing());
        found.put("inflexible-meeting-times", withFamilies(rules.inflexibleMeetingTimes()));
        found.put("no-progress-contact", rules.noProgressContact());

        found.forEach((rule, acceptable) -> {
            List<String> named = ids(rows.get(rule)[2]);
            assertThat(named).as("ids named for %s", rule).isNotEmpty();
            assertThat(acceptable).as("what %s finds", rule).containsAll(named);
        });
    }

    /** Meeting ids with their families' and caregivers' ids. */
    private static Set<String> withFamilies(Set<String> meetingIds) {
        Set<String> ids = new HashSet<>(meetingIds);
        for (String id : meetingIds) {
            Meeting meeting = sample.meeting(id).orElseThrow();
            ids.add(meeting.familyId());
            if (meeting.caregiverId() != null) {
                ids.add(meeting.caregiverId());
            }
        }
        return ids;
    }

    private static int count(String rule) {
        Matcher number = NUMBER.matcher(rows.get(rule)[1]);
        assertThat(number.find()).as("a count for %s", rule).isTrue();
        return Integer.parseInt(number.group().replace(",", ""));
    }

    /** The ids in a cell, ranges expanded. */
    static List<String> ids(String cell) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(cell);
        while (m.find()) {
            String prefix = m.group(2);
            String digits = m.group(3);
            int from = Integer.parseInt(digits);
            int to = m.group(4) == null ? from : Integer.parseInt(m.group(4));
            for (int n = from; n <= to; n++) {
                ids.add(prefix + "-" + String.format("%0" + digits.length() + "d", n));
            }
        }
        return ids;
    }

    /** The rows of the table under "### The v2 rules", by rule id: the cells. */
    private static Map<String, String[]> v2Rows(String readme) {
        int section = readme.indexOf("### The v2 rules");
        assertThat(section).as("a section \"The v2 rules\" in %s", README).isNotNegative();
        Map<String, String[]> result = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : readme.substring(section).split("\n")) {
            if (line.startsWith("| `")) {
                inTable = true;
                String[] cells = line.split("\\|");
                String[] trimmed = {cells[1].trim().replace("`", ""), cells[2].trim(), cells[3].trim()};
                result.put(trimmed[0], trimmed);
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return result;
    }

    @Test
    void rangesExpand() {
        assertThat(ids("`b-0043` to `b-0045`, `mt-003592` and `f-000013`"))
                .containsExactly("b-0043", "b-0044", "b-0045", "mt-003592", "f-000013");
    }
}
