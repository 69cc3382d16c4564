package org.safepassage.chaincode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerConnectionTest {
    @TempDir
    Path dir;

    @Test
    void round_trips_through_its_file() throws IOException {
        final LedgerConnection connection = LedgerConnection.singleEndpoint("safepassage", "safepassage",
                dir.resolve("crypto"), "127.0.0.1:7051", List.of("RegistryMSP", "BorderMSP"));
        final Path file = dir.resolve("connection.json");

        connection.write(file);

        final LedgerConnection read = LedgerConnection.read(file);
        assertThat(read).isEqualTo(connection);
        assertThat(read.peer("BorderMSP").usesTls()).isFalse();
        assertThat(read.userMsp("BorderMSP", "guard"))
                .isEqualTo(dir.resolve("crypto").toAbsolutePath().resolve("BorderMSP/users/guard/msp"));
    }

    @Test
    void refuses_unknown_organisations_and_malformed_files() throws IOException {
        final LedgerConnection connection = LedgerConnection.singleEndpoint("safepassage", "safepassage",
                dir, "127.0.0.1:7051", List.of("RegistryMSP"));
        assertThatThrownBy(() -> connection.peer("BorderMSP")).hasMessageContaining("no peer for BorderMSP");

        final Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"channel\":\"safepassage\",\"chaincode\":\"safepassage\",\"cryptoRoot\":\"/x\","
                + "\"peers\":{\"RegistryMSP\":{\"endpoint\":\"not an endpoint\"}}}");
        assertThatThrownBy(() -> LedgerConnection.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("endpoint");
    }
}
