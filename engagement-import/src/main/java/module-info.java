/**
 * engagement-import: real data into a checked {@code Dataset} without writing a mapper. One YAML
 * import configuration names the sources (Ed-Fi 5.2 XML interchanges, a OneRoster 1.2 CSV bulk
 * file, contact logs in CSV with declarative mappings, an SIS database over JDBC) and how they
 * combine; {@link org.familyengagement.importer.Importer} reads them, streaming, and reports every
 * problem with its file and line and column, or its XML element path.
 *
 * <p>Exports one package, the embedder API, in JDK and engagement-core types only.
 */
module org.familyengagement.importer {
    requires transitive org.familyengagement.core;
    requires transitive java.sql;
    requires java.xml;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports org.familyengagement.importer;
}
