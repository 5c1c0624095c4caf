package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @BeforeEach
    void needsPosixPermissions() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions");
    }

    @Test
    void createsTheDataDirectoryForItsOwnerOnly() throws Exception {
        var data = temp.resolve("new/data");

        DataDirectory.secure(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
    }

    @Test
    void closesAnExistingDirectoryAndItsDatabaseFiles() throws Exception {
        var data = Files.createDirectories(temp.resolve("old"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        var database = Files.writeString(data.resolve("pathwise.mv.db"), "x");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.secure(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database)))
                .isEqualTo("rw-------");
    }
}
