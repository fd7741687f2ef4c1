package org.familyengagement.cli;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Names;

/**
 * A broadcast finding as a cause a coordinator can fix in one step: which broadcast, when, how
 * many families could not read it, and in which languages to send it again (by name).
 */
final class Causes {
    private Causes() {
    }

    /** "b-0034 (November 4): 396 families could not read it... Send it again in Somali, ...". */
    static String describe(Finding finding, Dataset dataset, Texts texts) {
        BroadcastMetrics metrics = finding.broadcastMetrics();
        if (metrics == null) {
            return finding.broadcastId() + ": " + finding.message();
        }
        Instant first = null;
        for (String id : finding.evidence()) {
            Contact contact = dataset.contact(id).orElse(null);
            if (contact != null && (first == null || contact.at().isBefore(first))) {
                first = contact.at();
            }
        }
        String date = "none";
        if (first != null) {
            DateFormat format = DateFormat.getInstanceForSkeleton("MMMMd", ULocale.forLocale(texts.locale()));
            format.setTimeZone(TimeZone.getTimeZone(dataset.district().timeZone().getId()));
            date = format.format(Date.from(first));
        }
        return texts.get("causes.broadcast", "broadcast", finding.broadcastId(), "date", date,
                "families", metrics.families(), "deliveries", metrics.deliveries(),
                "languages", Names.languages(writtenLanguages(metrics.languages()), texts.locale()));
    }

    /**
     * The written languages to send a broadcast in: regions dropped (a Spanish text serves
     * {@code es}, {@code es-MX} and {@code es-419} readers alike, as the language matcher holds),
     * scripts kept ({@code zh-Hans} and {@code zh-Hant} are two texts). In the order given, once each.
     */
    static List<String> writtenLanguages(List<String> tags) {
        Set<String> written = new LinkedHashSet<>();
        for (String tag : tags) {
            ULocale locale = ULocale.forLanguageTag(tag);
            written.add(new ULocale(locale.getLanguage(), locale.getScript(), "").toLanguageTag());
        }
        return List.copyOf(written);
    }
}
