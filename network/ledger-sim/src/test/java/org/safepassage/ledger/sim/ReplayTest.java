package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.CLOCK;

import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.junit.jupiter.api.Test;

/** What a process that stores blocks needs: read/write sets back from protos, and creators without keys. */
class ReplayTest {
    private final LedgerSimulator ledger = new LedgerSimulator(CLOCK);

    @Test
    void a_read_write_set_survives_a_round_trip_through_its_proto() throws Exception {
        ledger.submit(ALICE, "kv:Put", "a", "1");
        final Endorsement endorsement = ledger.simulate(Proposal.of(ALICE, "kv:Increment", "a"));

        final KVRWSet proto = KVRWSet.parseFrom(endorsement.readWriteSet().toByteArray());

        assertThat(ReadWriteSet.fromProto(proto)).isEqualTo(endorsement.readWriteSet());
        assertThat(ReadWriteSet.fromProto(proto).toByteArray()).isEqualTo(endorsement.readWriteSet().toByteArray());
    }

    @Test
    void a_verify_only_creator_runs_chaincode_but_has_no_key_to_export() {
        final Identity creator = Identity.ofCertificate(ALICE.mspId(), ALICE.certificate());

        final Result result = ledger.submit(creator, "kv:Put", "b", "2");

        assertThat(result.isValid()).isTrue();
        assertThat(creator.canSign()).isFalse();
        assertThat(creator.serialized()).isEqualTo(ALICE.serialized());
        assertThatThrownBy(creator::privateKeyPem).isInstanceOf(IllegalStateException.class);
    }
}
