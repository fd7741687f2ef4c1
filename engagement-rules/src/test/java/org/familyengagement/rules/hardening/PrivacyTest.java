package org.familyengagement.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TreeMap;

import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Report;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.sample.SampleDistrict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the library logs, with every logger at TRACE (where Drools prints every fact it inserts
 * and every match it fires), carries no group label and no finding's message; from DEBUG up, no
 * evidence either; and no finding names a label carried by fewer families than
 * {@code disparity.minGroupSize}.
 *
 * <p>The data is the sample district with its labels renamed to distinctive strings: housing
 * {@code unstable} is {@value #HOUSING}, income {@code frl} is {@value #INCOME}, and three families
 * get a home language of their own, {@value #TINY}, too small a group to be reported.
 */
class PrivacyTest {
    static final String HOUSING = "zz-secret-housing-label";
    static final String INCOME = "zz-secret-income";
    static final String TINY = "zz-tiny-group";
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static Dataset dataset;
    private static String logs;
    private static Report report;
    private static Report liveReport;

    @BeforeAll
    static void runThePackWhileCapturingEveryLogLine() {
        dataset = relabelled(SampleDistrict.generate(2026, 600));
        CapturedLogs.start();
        try {
            RuleEngine engine = RuleEngine.builder().build();
            report = engine.evaluate(dataset, AS_OF);
            try (LiveSession live = engine.openSession(dataset, AS_OF.minusSeconds(86_400))) {
                Contact first = dataset.contacts().get(0);
                live.addContact(Contact.builder("k-privacy-test", first.familyId(), AS_OF.minusSeconds(3_600),
                        first.direction(), first.channel()).build());
                live.advanceTo(AS_OF);
                liveReport = live.findings();
            }
        } finally {
            logs = CapturedLogs.stop();
        }
    }

    @Test
    void theCaptureSeesTheLibrarysDebugLinesAndDroolsTraceOfEveryFact() {
        // Without this, an empty capture would make every other test here pass.
        assertThat(logs).contains("DEBUG org.familyengagement.rules.internal.PackBuilder - Rule engine built in")
                .contains("TRACE org.drools.core.reteoo.EntryPointNode - Insert [fact ")
                .contains("org.familyengagement.rules.drl.GroupRate:GroupRate[")
                .contains("org.familyengagement.report.Group:Group[");
    }

    @Test
    void theDataHasFindingsToLeak() {
        assertThat(report.findings()).filteredOn(f -> f.familyId() != null).hasSizeGreaterThan(100);
        assertThat(report.findings()).filteredOn(f -> f.group() != null).extracting(f -> f.group().label())
                .contains(HOUSING);
        assertThat(liveReport.findings()).isNotEmpty();
    }

    @Test
    void logsNameNoGroupLabel() {
        assertThat(logs).doesNotContain(HOUSING, INCOME, TINY);
    }

    @Test
    void logsCarryNoFamilyFindingsMessageOrEvidence() {
        List<Finding> familyFindings = new ArrayList<>(report.findings());
        familyFindings.addAll(liveReport.findings());
        familyFindings.removeIf(f -> f.familyId() == null);

        // At TRACE, Drools prints the facts a rule matched (contacts, commitments: ids, times and
        // enums, nothing a family wrote); from DEBUG up the library names no evidence at all.
        String aboveTrace = Arrays.stream(logs.split("\\R(?=(TRACE|DEBUG|INFO|WARN|ERROR) )"))
                .filter(entry -> !entry.startsWith("TRACE ")).collect(Collectors.joining("\n"));
        for (Finding finding : familyFindings) {
            assertThat(logs).as("the message of a %s finding", finding.ruleId()).doesNotContain(finding.message());
            for (String evidence : finding.evidence()) {
                assertThat(aboveTrace).as("evidence of a %s finding", finding.ruleId()).doesNotContain(evidence);
            }
        }
    }

    @Test
    void noFindingNamesALabelBelowTheMinimumGroupSize() {
        Map<Group, Integer> familiesPerLabel = new HashMap<>();
        for (Family family : dataset.families()) {
            family.groups().forEach((dimension, label) -> familiesPerLabel.merge(new Group(dimension, label), 1,
                    Integer::sum));
        }
        int minGroupSize = Policy.defaults().disparity().minGroupSize();
        assertThat(familiesPerLabel.get(new Group("homeLanguage", TINY))).isLessThan(minGroupSize);

        for (Finding finding : report.findings()) {
            if (finding.group() != null) {
                assertThat(familiesPerLabel.get(finding.group())).as("families of %s", finding.group())
                        .isGreaterThanOrEqualTo(minGroupSize);
                Group reference = new Group(finding.group().dimension(), finding.metrics().referenceLabel());
                assertThat(familiesPerLabel.get(reference)).as("families of the reference %s", reference)
                        .isGreaterThanOrEqualTo(minGroupSize);
            }
        }
        assertThat(ReportWriter.toJson(report)).doesNotContain(TINY);
    }

    /** The sample district with its labels renamed, and three families in a group of their own. */
    private static Dataset relabelled(Dataset sample) {
        List<Family> families = new ArrayList<>();
        int tiny = 0;
        for (Family family : sample.families()) {
            Map<String, String> groups = new TreeMap<>(family.groups());
            groups.replaceAll((dimension, label) -> label.equals("unstable") ? HOUSING
                    : label.equals("frl") ? INCOME : label);
            if (groups.containsKey("homeLanguage") && tiny < 3) {
                groups.put("homeLanguage", TINY);
                tiny++;
            }
            families.add(new Family(family.id(), family.students(), family.caregivers(), family.preference(), groups));
        }
        return Dataset.of(sample.district(), sample.staff(), families, sample.contacts(), sample.commitments());
    }
}
