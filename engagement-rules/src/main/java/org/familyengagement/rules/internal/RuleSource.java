package org.familyengagement.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import org.familyengagement.rules.RuleCompilationException.CompileError;

/**
 * One source of custom DRL: text, a file or a class-path resource. Files and resources are read
 * when the engine is built, so that a missing or unreadable one is a compile error of that
 * source, listed with all the others.
 */
public abstract sealed class RuleSource {
    private final String name;

    private RuleSource(String name) {
        this.name = Objects.requireNonNull(name, "source name must not be null");
    }

    /** DRL given as text; {@code name} names it in errors. */
    public static RuleSource ofText(String name, String drl) {
        return new Text(name, Objects.requireNonNull(drl, "drl must not be null"));
    }

    /** A DRL file (UTF-8). */
    public static RuleSource ofFile(Path file) {
        return new File(Objects.requireNonNull(file, "drlFile must not be null"));
    }

    /** A DRL resource on the class path, such as {@code district/iep.drl}. */
    public static RuleSource ofClasspath(String resource) {
        return new Resource(Objects.requireNonNull(resource, "resource must not be null"));
    }

    /** How errors name this source: the file or resource as given. */
    public String name() {
        return name;
    }

    /** The DRL text; a problem reading it is the returned error. */
    abstract Read read();

    /** The text read, or why it could not be. */
    record Read(String drl, CompileError error) {
    }

    private static final class Text extends RuleSource {
        private final String drl;

        Text(String name, String drl) {
            super(name);
            this.drl = drl;
        }

        @Override
        Read read() {
            return new Read(drl, null);
        }
    }

    private static final class File extends RuleSource {
        private final Path file;

        File(Path file) {
            super(file.toString());
            this.file = file;
        }

        @Override
        Read read() {
            if (Files.isDirectory(file)) {
                return failed("it is a directory, not a DRL file");
            }
            try {
                return new Read(utf8(Files.readAllBytes(file)), null);
            } catch (NoSuchFileException e) {
                return failed("no such file");
            } catch (AccessDeniedException e) {
                return failed("permission denied");
            } catch (CharacterCodingException e) {
                return failed("it is not UTF-8 text");
            } catch (IOException e) {
                return failed("cannot read it: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }

        private Read failed(String why) {
            return new Read(null, new CompileError(name(), 0, why));
        }
    }

    private static final class Resource extends RuleSource {
        Resource(String resource) {
            super(resource.startsWith("/") ? resource.substring(1) : resource);
        }

        @Override
        Read read() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = RuleSource.class.getClassLoader();
            }
            try (InputStream in = loader.getResourceAsStream(name())) {
                if (in == null) {
                    return new Read(null, new CompileError(name(), 0, "no such resource on the class path"));
                }
                return new Read(utf8(in.readAllBytes()), null);
            } catch (CharacterCodingException e) {
                return new Read(null, new CompileError(name(), 0, "it is not UTF-8 text"));
            } catch (IOException e) {
                return new Read(null, new CompileError(name(), 0, "cannot read it: " + e.getMessage()));
            }
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }
}
