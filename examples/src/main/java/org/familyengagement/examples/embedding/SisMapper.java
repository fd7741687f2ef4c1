package org.familyengagement.examples.embedding;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Tone;

/**
 * Maps an SIS export onto the library's model. Everything SIS-specific lives here: code lists,
 * local timestamps, id formats. Only ids and classifications cross over: no names, no phone
 * numbers, no note text.
 */
public final class SisMapper {
    private static final Map<String, String> LANGUAGE_CODES = Map.of(
            "ENG", "en", "SPA", "es", "VIE", "vi", "ARA", "ar", "SOM", "so", "HAT", "ht");

    private final ZoneId zone;

    public SisMapper(ZoneId zone) {
        this.zone = zone;
    }

    public Dataset toDataset(SisExport.Export export) {
        District district = District.of("district", zone);
        List<Family> families = new ArrayList<>();
        for (SisExport.Household row : export.households()) {
            String language = LANGUAGE_CODES.getOrDefault(row.homeLanguageCode(), "en");
            Preference preference = row.preferredContactMethod() == null ? null
                    : Preference.of(List.of(language), List.of(channel(row.preferredContactMethod())));
            Map<String, String> groups = new LinkedHashMap<>();
            groups.put("homeLanguage", language);
            groups.put("income", row.frlEligible() ? "frl" : "not-frl");
            groups.put("housing", row.mckinneyVento() ? "unstable" : "stable");
            families.add(new Family(familyId(row.householdId()), List.of(), List.of(), preference, groups));
        }
        Map<String, Staff> staff = new LinkedHashMap<>();
        List<Contact> contacts = new ArrayList<>();
        for (SisExport.ContactLogEntry row : export.contactLog()) {
            staff.computeIfAbsent(row.staffBadge(), badge -> Staff.of(badge, StaffRole.TEACHER));
            Contact.Builder contact = Contact.builder("log-" + row.logId(), familyId(row.householdId()),
                            row.loggedAt().atZone(zone).toInstant(),
                            row.fromParent() ? Direction.INBOUND : Direction.OUTBOUND, channel(row.method()))
                    .staffId(row.staffBadge())
                    .mode(row.purposeCode().equals("NEWS") ? Mode.BROADCAST : Mode.PERSONAL)
                    .tone(tone(row.purposeCode()))
                    .delivered(row.reached());
            if (row.answersLogId() != null) {
                contact.replyTo("log-" + row.answersLogId());
            }
            contacts.add(contact.build());
        }
        return Dataset.of(district, List.copyOf(staff.values()), families, contacts, List.of());
    }

    private static String familyId(long householdId) {
        return "hh-" + householdId;
    }

    private static Channel channel(String method) {
        return switch (method) {
            case "TEXT" -> Channel.SMS;
            case "CALL" -> Channel.PHONE;
            case "MAIL" -> Channel.LETTER;
            case "EMAIL" -> Channel.EMAIL;
            case "VISIT" -> Channel.HOME_VISIT;
            case "CONF" -> Channel.IN_PERSON;
            default -> Channel.APP;
        };
    }

    private static Tone tone(String purposeCode) {
        return switch (purposeCode) {
            case "PRAISE" -> Tone.POSITIVE;
            case "BEHAV", "ATTEND", "GRADES" -> Tone.CONCERN;
            default -> Tone.NEUTRAL;
        };
    }
}
