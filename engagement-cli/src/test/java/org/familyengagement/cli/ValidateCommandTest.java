package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.cli.Cli.resource;
import static org.familyengagement.cli.Cli.run;

import org.junit.jupiter.api.Test;

/** {@code validate}: a one-line summary and 0, or every problem and 2. */
class ValidateCommandTest {
    @Test
    void aValidDatasetGetsAOneLineSummary() {
        String file = resource("small-district.json");

        Cli.Result result = run("validate", "--data", file);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(file + ": valid; 14 families, 35 contacts, 2 commitments and 2 staff"
                + " members.\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void anInvalidDatasetListsEveryProblem() {
        String file = resource("invalid-district.json");

        Cli.Result result = run("validate", "--data", file);

        ExitCodesTest.assertInvalid(result);
        assertThat(result.err()).startsWith("error: the dataset in " + file + " is invalid (5 problems)\n")
                .contains("/contacts/2/familyId: no family \"f-99\"\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result result = run("validate", "--data", "nowhere.json");

        ExitCodesTest.assertInvalid(result);
        assertThat(result.err()).contains("--data: no such file: nowhere.json\n");
    }
}
