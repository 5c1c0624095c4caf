package org.pathwise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded store's data directory, readable by its owner only: created with POSIX mode 700 (where the file system
 * has POSIX permissions), and on every start tightened to 700, with the H2 database files in it to 600, so that an
 * existing directory made under a looser umask is closed too. Elsewhere (Windows) it is only created.
 */
final class DataDirectory {

    private DataDirectory() {}

    static void secure(Path directory) {
        try {
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(
                            directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(directory);
                }
            }
            if (!posix) {
                return;
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            try (var files = Files.newDirectoryStream(directory, "pathwise*.db")) {
                for (var file : files) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + directory + " private", e);
        }
    }
}
