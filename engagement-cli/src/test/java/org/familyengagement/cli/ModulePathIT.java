package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules on the module path, as a modular application runs them: the command line as module
 * {@code org.familyengagement.cli}, with core, rules (Drools as automatic modules) and custom DRL
 * compiled at run time. The findings are byte for byte those of the class-path jar, so every
 * module descriptor exports, requires and opens what the code needs.
 */
class ModulePathIT {
    private static final String AS_OF = "2026-11-20T23:00:00Z";
    private static List<String> modular;
    private static List<String> classPath;

    @BeforeAll
    static void locate() throws IOException {
        Path modules = Path.of(System.getProperty("engagement.cli.modulepath", "target/module-path.txt"));
        assumeThat(modules).as("the module path; written by the build at package").isRegularFile();
        String plainJar = System.getProperty("engagement.cli.plainjar", "target/original-engagement-cli.jar");
        modular = List.of("--module-path", plainJar + java.io.File.pathSeparator + Files.readString(modules).strip(),
                "--module", "org.familyengagement.cli/" + EngagementCli.class.getName());
        classPath = List.of("-jar", System.getProperty("engagement.cli.jar", "target/engagement-cli.jar"));
    }

    @Test
    void auditsWithCustomRulesOnTheModulePathAsOnTheClassPath(@TempDir Path dir) throws Exception {
        Path data = copy("small-district.json", dir);
        Path drl = copy("silent-family.drl", dir);
        String[] args = {"audit", "--data", data.toString(), "--as-of", AS_OF, "--format", "json",
            "--rules", drl.toString(), "--lang", "es"};

        Launcher.Run onModulePath = Launcher.java(modular, args);
        Launcher.Run onClassPath = Launcher.java(classPath, args);

        assertThat(onModulePath.exitCode()).as(onModulePath.err()).isZero();
        assertThat(onModulePath.out()).contains("\"ruleId\": \"silent-family\"").isEqualTo(onClassPath.out());
        assertThat(onModulePath.err()).isEqualTo(onClassPath.err());
    }

    @Test
    void listsTheCatalogueOnTheModulePath() throws Exception {
        Launcher.Run run = Launcher.java(modular, "rules", "--lang", "es");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Launcher.java(classPath, "rules", "--lang", "es").out());
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path file = dir.resolve(resource);
        try (InputStream in = ModulePathIT.class.getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
