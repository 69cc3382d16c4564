package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.SignaturePolicy;

class UnitsTest {
    @Nested
    class Policy {
        @Test
        void the_default_is_the_chaincodes_own_chaincode_level_policy() {
            assertThat(DevPeerConfig.DEFAULT_POLICY).isEqualTo(SignaturePolicy.compile(
                    "AND('BorderMSP.peer','ChildProtectionMSP.peer','RegistryMSP.peer')"));
            assertThat(DevPeerConfig.of(Path.of("d"), Path.of("c")).chaincodePolicy())
                    .isEqualTo(DevPeerConfig.DEFAULT_POLICY);
        }
    }

    @Nested
    class Signing {
        private final Identity peer = TestNetwork.material().peer("BorderMSP");
        private final byte[] message = "block".getBytes(StandardCharsets.UTF_8);

        @Test
        void signatures_are_low_s_and_verify() {
            for (int i = 0; i < 20; i++) {
                final byte[] signature = Signatures.sign(peer.privateKey(), message);
                assertThat(Signatures.isLowS(signature)).isTrue();
                assertThat(Signatures.verify(peer.certificate().getPublicKey(), message, signature)).isTrue();
            }
        }

        @Test
        void the_high_s_twin_of_a_signature_is_accepted_too() throws Exception {
            final byte[] low = Signatures.sign(peer.privateKey(), message);
            final ASN1Sequence sequence = ASN1Sequence.getInstance(low);
            final BigInteger order = SECNamedCurves.getByName("secp256r1").getN();
            final BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            final byte[] high = new DERSequence(new ASN1Integer[] {
                        ASN1Integer.getInstance(sequence.getObjectAt(0)), new ASN1Integer(order.subtract(s))})
                    .getEncoded();

            assertThat(Signatures.isLowS(high)).isFalse();
            assertThat(Signatures.verify(peer.certificate().getPublicKey(), message, high)).isTrue();
        }

        @Test
        void a_signature_over_other_bytes_or_garbage_does_not_verify() {
            final byte[] signature = Signatures.sign(peer.privateKey(), message);

            assertThat(Signatures.verify(peer.certificate().getPublicKey(), "other".getBytes(StandardCharsets.UTF_8),
                    signature)).isFalse();
            assertThat(Signatures.verify(peer.certificate().getPublicKey(), message, new byte[] {1, 2, 3})).isFalse();
        }
    }

    @Nested
    class Options {
        @Test
        void parses_the_command_line() {
            final DevPeerConfig config = CommandLine.parse(new String[] {"--port", "7060", "--data", "d", "--crypto",
                "c", "--block-size", "5", "--batch-timeout-ms", "250", "--policy", "OR('BorderMSP.peer')"});

            assertThat(config.port()).isEqualTo(7060);
            assertThat(config.maxBlockTransactions()).isEqualTo(5);
            assertThat(config.batchTimeout().toMillis()).isEqualTo(250);
            assertThat(config.chaincodePolicy()).isEqualTo(SignaturePolicy.compile("OR('BorderMSP.peer')"));
        }

        @Test
        void rejects_unknown_options_and_bad_numbers() {
            assertThatThrownBy(() -> CommandLine.parse(new String[] {"--colour", "red"}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "x"}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CommandLine.parse(new String[] {"--block-size", "0"}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
