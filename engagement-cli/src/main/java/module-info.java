/**
 * engagement-cli: the {@code audit}, {@code validate}, {@code rules} and {@code import} commands. An application,
 * not an API: it exports nothing. The shaded {@code engagement-cli.jar} runs on the class path.
 */
module org.familyengagement.cli {
    requires org.familyengagement.rules;
    requires org.familyengagement.importer;
    requires info.picocli;
    requires com.ibm.icu;
    requires org.apache.commons.csv;

    // picocli fills the commands' options by reflection.
    opens org.familyengagement.cli to info.picocli;
}
