package io.payorch.bootstrap.jar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar starts the sandbox's PostgreSQL on every developer machine: it holds zonky's
 * archive for linux and darwin on amd64 and arm64, under the names zonky looks up for
 * {@code os.arch} {@code amd64}/{@code x86_64} ({@code x86_64}) and {@code aarch64} ({@code arm_64}).
 * Their version is the one of {@code zonky.postgres-binaries.version} in the root pom (a BOM).
 */
class EmbeddedPostgresArchivesIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "linux amd64,  postgres-linux-x86_64.txz",
            "linux arm64,  postgres-linux-arm_64.txz",
            "darwin amd64, postgres-darwin-x86_64.txz",
            "darwin arm64, postgres-darwin-arm_64.txz"})
    void theJarHoldsTheArchiveOf(String platform, String archive) throws IOException {
        try (ZipFile jar = new ZipFile(PayorchProcess.jar().toFile())) {
            ZipEntry entry = jar.getEntry(archive);
            assertNotNull(entry, platform + ": no " + archive + " in the jar");
            assertTrue(entry.getSize() > 10_000_000, platform + ": " + archive + " holds only " + entry.getSize()
                    + " bytes, not a PostgreSQL");
        }
    }
}
