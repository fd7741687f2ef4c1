package org.familyengagement.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.familyengagement.io.DatasetReader;
import org.junit.jupiter.api.Test;

/**
 * Spark and the library share one Jackson on the job's class path (on a cluster, Spark's comes
 * first). Spark's jackson-module-scala refuses a jackson-databind of another minor version the
 * moment it is registered, and the library must read datasets with whatever Spark brings: both
 * are checked here, against the versions this module resolves.
 */
class JacksonClashTest {
    @Test
    void sparksScalaModuleAcceptsTheJacksonOnTheClassPath() {
        assertThatCode(() -> new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$)).doesNotThrowAnyException();
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion())
                .isEqualTo(com.fasterxml.jackson.module.scala.JacksonModule$.MODULE$.version().getMinorVersion());
    }

    @Test
    void theLibraryReadsDatasetsWithSparksJackson() throws Exception {
        assertThat(DatasetReader.read(Path.of("..", "examples", "data", "sample-district.json")).families())
                .hasSizeGreaterThan(1_000);
    }
}
