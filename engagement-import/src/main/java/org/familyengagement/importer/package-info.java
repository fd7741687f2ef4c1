/**
 * Imports real data into a checked {@code Dataset} from an import configuration (YAML):
 * {@link org.familyengagement.importer.Importer}. The sources, their mappings and how they
 * combine are described in {@code docs/import.md}. Embedder API: JDK and engagement-core types only.
 */
package org.familyengagement.importer;
