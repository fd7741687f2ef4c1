package org.familyengagement.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.InvalidPolicyException;
import org.familyengagement.errors.Problem;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.PolicyReader;
import org.familyengagement.io.ReportReader;
import org.familyengagement.model.Dataset;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Report;

/**
 * Checks and reads what the options name, turning every way it can fail into a
 * {@code pointer: message} line: an option name for a bad option or an unusable file, a JSON
 * pointer for a problem inside a document.
 */
final class Inputs {
    private Inputs() {
    }

    /**
     * {@code file} when it names a readable regular file; otherwise {@code null}, with a problem
     * that names {@code option}.
     */
    static Path checkFile(String option, Path file, List<String> problems) {
        if (!Files.exists(file)) {
            problems.add(option + ": no such file: " + file);
        } else if (Files.isDirectory(file)) {
            problems.add(option + ": " + file + " is a directory, not a file");
        } else if (!Files.isReadable(file)) {
            problems.add(option + ": cannot read " + file + ": permission denied");
        } else {
            return file;
        }
        return null;
    }

    /** Checks that {@code file} can be created or replaced: its directory exists and it is not a directory. */
    static void checkWritable(String option, Path file, List<String> problems) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            problems.add(option + ": " + file + " is a directory, not a file");
        } else if (parent != null && !Files.isDirectory(parent)) {
            problems.add(option + ": cannot write " + file + ": no such directory: " + parent);
        } else if (Files.exists(file) && !Files.isWritable(file)) {
            problems.add(option + ": cannot write " + file + ": permission denied");
        }
    }

    /** True when both paths exist and name the same file. */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Parses an instant written with an offset ({@code 2026-11-20T23:00:00Z},
     * {@code 2026-11-20T17:00:00-06:00}); {@code null} with a problem otherwise.
     */
    static Instant parseInstant(String option, String text, List<String> problems) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(option + ": \"" + text + "\" is not an instant; write a date, a time and an offset,"
                    + " such as 2026-11-20T23:00:00Z or 2026-11-20T17:00:00-06:00");
            return null;
        }
    }

    /** Reads a dataset document; its problems become a block of {@code collector}. */
    static Dataset readDataset(String option, Path file, InvalidInvocationException.Collector collector) {
        try {
            return DatasetReader.read(file);
        } catch (InvalidDatasetException e) {
            collector.add(InvalidInvocationException.Block.of("the dataset in " + file + " is invalid",
                    lines(e.problems())));
        } catch (IOException e) {
            collector.options(List.of(option + ": cannot read " + file + ": " + describe(e)));
        }
        return null;
    }

    /** Reads a findings document (a baseline); its problems become a block of {@code collector}. */
    static Report readFindings(String option, Path file, InvalidInvocationException.Collector collector) {
        try {
            return ReportReader.read(file);
        } catch (InvalidInputException e) {
            collector.add(InvalidInvocationException.Block.of("the findings document in " + file + " is invalid",
                    lines(e.problems())));
        } catch (IOException e) {
            collector.options(List.of(option + ": cannot read " + file + ": " + describe(e)));
        }
        return null;
    }

    /** Reads a policy document: its values and syntax (its rule ids are the engine's to check). */
    static Policy readPolicy(String option, Path file, InvalidInvocationException.Collector collector) {
        try {
            return PolicyReader.read(file);
        } catch (InvalidPolicyException e) {
            collector.add(policyProblems(file, e.problems()));
        } catch (IOException e) {
            collector.options(List.of(option + ": cannot read " + file + ": " + describe(e)));
        }
        return null;
    }

    static InvalidInvocationException.Block policyProblems(Path file, List<Problem> problems) {
        return InvalidInvocationException.Block.of("the policy in " + file + " is invalid", lines(problems));
    }

    static List<String> lines(List<Problem> problems) {
        List<String> lines = new ArrayList<>(problems.size());
        for (Problem problem : problems) {
            lines.add(problem.toString());
        }
        return lines;
    }

    /** A plain reason for an I/O failure, without the exception's class name. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
