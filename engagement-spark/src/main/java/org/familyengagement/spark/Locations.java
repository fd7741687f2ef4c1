package org.familyengagement.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where the job reads its data: a URI of any file system the cluster's Hadoop configuration knows
 * ({@code hdfs://}, {@code s3a://}, {@code file:/}), or a plain path, which means the local file
 * system of the driver and of every executor (on one machine, or a mount shared by all nodes).
 * The driver reads headers and documents, the executors the family records, through the same URI.
 */
final class Locations {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

    private final Configuration configuration;

    Locations(Configuration configuration) {
        this.configuration = configuration;
    }

    /** The location as a URI: itself when it has a scheme, else the absolute local path's {@code file:} URI. */
    static String uri(String location) {
        return isUri(location) ? location : Path.of(location).toAbsolutePath().toUri().toString();
    }

    /** A file in a directory location. */
    static String child(String directory, String name) {
        String uri = uri(directory);
        return uri.endsWith("/") ? uri + name : uri + "/" + name;
    }

    /** A file in a directory location, as the user wrote the directory: for messages. */
    static String display(String directory, String name) {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    /** True when the location has a scheme (a URI), false for a plain local path. */
    static boolean isUri(String location) {
        return SCHEME.matcher(location).matches();
    }

    boolean exists(String location) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri(location));
        return path.getFileSystem(configuration).exists(path);
    }

    boolean isDirectory(String location) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri(location));
        FileSystem fs = path.getFileSystem(configuration);
        return fs.exists(path) && fs.getFileStatus(path).isDirectory();
    }

    InputStream open(String location) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri(location));
        return path.getFileSystem(configuration).open(path);
    }

    /**
     * Puts an output directory in the place of another, which is removed first if it exists. Output
     * paths are Spark's: a plain path is on the default file system (HDFS on a cluster), as Spark
     * writes it.
     */
    void replace(String from, String to) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(from);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(to);
        FileSystem fs = target.getFileSystem(configuration);
        fs.delete(target, true);
        if (!fs.rename(source, target)) {
            throw new IOException("cannot move " + from + " to " + to);
        }
    }

    /** Removes an output directory (a path as Spark writes it) and what it holds, if it exists. */
    void delete(String location) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        path.getFileSystem(configuration).delete(path, true);
    }

    String readString(String location) throws IOException {
        try (InputStream in = open(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
