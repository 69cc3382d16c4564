package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.network.crypto.Member;

/** The devpeer as a Fabric peer with TLS and client authentication, and its refusal of plaintext off loopback. */
class DevPeerTlsTest {
    @TempDir
    static Path data;

    private static DevPeer peer;
    private static LedgerConnection connection;

    @BeforeAll
    static void start() throws Exception {
        peer = DevPeer.start(DevPeerConfig.of(data.resolve("ledger"), data.resolve("crypto"))
                .withPort(0)
                .withListener(InetAddress.getLoopbackAddress(), true));
        connection = LedgerConnection.read(data.resolve("ledger").resolve(DevPeer.CONNECTION_FILE));
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    @Test
    void the_connection_file_names_the_tls_ca_and_a_member_with_a_client_certificate_submits_and_reads() {
        assertThat(connection.peer(Member.REGISTRY_MSP).usesTls()).isTrue();
        final RegisterSubjectCommand command = Commands.minor(2, 1);

        try (LedgerGateway officer = LedgerGateway.connect(connection, Member.REGISTRY_MSP, "officer");
                LedgerGateway guard = LedgerGateway.connect(connection, Member.BORDER_MSP, "guard")) {
            officer.chaincode().subjects().register(command);

            assertThat(guard.chaincode().subjects().read(command.subjectId()).subjectId())
                    .isEqualTo(command.subjectId());
        }
    }

    @Test
    void a_tls_client_without_a_certificate_is_refused() throws Exception {
        final ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + peer.port(),
                TlsChannelCredentials.newBuilder()
                        .trustManager(Path.of(connection.peer(Member.REGISTRY_MSP).tlsCaCertificate()).toFile())
                        .build()).build();
        try {
            assertThatThrownBy(() -> GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .evaluate(EvaluateRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void a_plaintext_client_is_refused() {
        final ManagedChannel channel =
                Grpc.newChannelBuilder("127.0.0.1:" + peer.port(), InsecureChannelCredentials.create()).build();
        try {
            assertThatThrownBy(() -> GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .evaluate(EvaluateRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void plaintext_on_a_non_loopback_address_is_refused_before_anything_listens() throws Exception {
        final DevPeerConfig loopback = DevPeerConfig.of(data.resolve("other"), data.resolve("crypto")).withPort(0);

        assertThatThrownBy(() -> loopback.withListener(InetAddress.getByName("0.0.0.0"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plaintext is refused");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--listen", "10.1.2.3"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plaintext is refused");
        assertThat(CommandLine.parse(new String[] {"--listen", "10.1.2.3", "--tls"}).tls()).isTrue();
    }

    @Test
    void every_user_has_a_client_certificate_from_its_organisations_tls_ca() {
        for (final Member member : Member.ALL) {
            assertThat(connection.userTls(member.mspId(), member.name()).resolve("client.crt")).isRegularFile();
            assertThat(connection.userTls(member.mspId(), member.name()).resolve("client.key")).isRegularFile();
        }
    }
}
