/**
 * engagement-core: the fact model, the dataset and findings contracts, policies, school days and
 * language matching. No Drools. Every exported package is embedder API in JDK types only.
 *
 * <ul>
 *   <li>{@code org.familyengagement.model}: family, preference, contact, commitment, meeting,
 *       staff, district, and the checked {@code Dataset}</li>
 *   <li>{@code org.familyengagement.io}: the JSON dataset reader and writer, the policy reader,
 *       the findings reader and writer</li>
 *   <li>{@code org.familyengagement.policy}, {@code org.familyengagement.report},
 *       {@code org.familyengagement.errors}, {@code org.familyengagement.calendar},
 *       {@code org.familyengagement.language}</li>
 * </ul>
 *
 * {@code org.familyengagement.internal} holds helpers shared with the project's own modules only.
 */
module org.familyengagement.core {
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires com.ibm.icu;

    exports org.familyengagement.model;
    exports org.familyengagement.io;
    exports org.familyengagement.policy;
    exports org.familyengagement.report;
    exports org.familyengagement.errors;
    exports org.familyengagement.calendar;
    exports org.familyengagement.language;

    exports org.familyengagement.internal to
            org.familyengagement.rules,
            org.familyengagement.importer,
            org.familyengagement.testkit,
            org.familyengagement.cli;
}
