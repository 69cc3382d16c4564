package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.safepassage.ledger.sim.Endorsement;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.LedgerSimulator;
import org.safepassage.ledger.sim.Proposal;

/**
 * Plays the endorsing peers: runs a proposal on the simulator, then signs the resulting proposal response payload
 * with the peer identity of every organisation the endorsement plan needs, and assembles the transaction envelope the
 * Gateway returns for the client to sign. The plan is what Fabric's gateway derives from the endorser's chaincode
 * interest and discovery: the validation parameters of the keys the transaction writes, and the chaincode-level
 * policy if it creates a key or writes nothing ({@link LedgerSimulator#plan}).
 */
final class Endorser {
    static final String CHAINCODE_VERSION = "1";

    private final LedgerSimulator simulator;
    private final Organisations organisations;

    Endorser(final LedgerSimulator simulator, final Organisations organisations) {
        this.simulator = simulator;
        this.organisations = organisations;
    }

    Endorsement simulate(final ProposalParser.ParsedProposal proposal) {
        final Proposal.Builder builder = Proposal.builder(proposal.creator(), proposal.function())
                .nonce(proposal.signatureHeader().getNonce().toByteArray())
                .txId(proposal.txId())
                .timestamp(proposal.timestamp());
        proposal.args().forEach(arg -> builder.byteArgs(arg.toByteArray()));
        proposal.transientMap().forEach((key, value) -> builder.transientData(key, value.toByteArray()));
        return simulator.simulate(builder.build());
    }

    /**
     * The prepared transaction for a successful endorsement.
     *
     * @param endorsingOrganisations the organisations the client asked to endorse, as Fabric's gateway honours them
     *     (it then endorses on exactly those, policy or not); empty to let the policies decide
     */
    Envelope prepare(final ProposalParser.ParsedProposal proposal, final Endorsement endorsement,
            final List<String> endorsingOrganisations) {
        final ByteString responsePayload = responsePayload(proposal, endorsement).toByteString();
        final ChaincodeEndorsedAction.Builder action =
                ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(responsePayload);
        for (Identity peer : endorsers(proposal, endorsement, endorsingOrganisations)) {
            final ByteString endorser = ByteString.copyFrom(peer.serialized());
            final byte[] signature = Signatures.sign(peer.privateKey(), responsePayload.concat(endorser).toByteArray());
            action.addEndorsements(org.hyperledger.fabric.protos.peer.Endorsement.newBuilder()
                    .setEndorser(endorser)
                    .setSignature(ByteString.copyFrom(signature)));
        }
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setChaincodeProposalPayload(withoutTransient(proposal.payload()))
                .setAction(action)
                .build();
        final Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder()
                        .setHeader(proposal.header().getSignatureHeader())
                        .setPayload(actionPayload.toByteString()))
                .build();
        final Payload payload = Payload.newBuilder()
                .setHeader(proposal.header())
                .setData(transaction.toByteString())
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    /**
     * The organisations whose peers endorse: those the client named (Fabric's gateway then endorses on exactly those,
     * policy or not), else the fewest that satisfy the policies, the caller's own organisation among them when that
     * costs nothing, as the gateway prefers its local peer.
     *
     * @throws NoEndorsementPlanException if no combination of the channel's peers satisfies the policies
     */
    private List<Identity> endorsers(final ProposalParser.ParsedProposal proposal, final Endorsement endorsement,
            final List<String> requested) {
        final Set<String> msps = new LinkedHashSet<>(requested);
        if (msps.isEmpty()) {
            final List<String> withPeers =
                    organisations.mspIds().stream().filter(m -> organisations.peer(m).isPresent()).toList();
            msps.addAll(simulator.plan(endorsement, withPeers, proposal.creator().mspId()));
            if (msps.isEmpty()) {
                throw new NoEndorsementPlanException(simulator.endorsementPolicies(endorsement).toString());
            }
        }
        final List<Identity> peers = new ArrayList<>();
        for (String msp : msps) {
            organisations.peer(msp).ifPresent(peers::add); // a missing peer leaves the policy unmet at validation
        }
        return peers;
    }

    /** No combination of the channel's peers can satisfy the policies a transaction needs. */
    static final class NoEndorsementPlanException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoEndorsementPlanException(final String policies) {
            super("no combination of peers can be derived which satisfy the endorsement policy: " + policies);
        }
    }

    static ProposalResponsePayload responsePayload(
            final ProposalParser.ParsedProposal proposal, final Endorsement endorsement) {
        final TxReadWriteSet results = TxReadWriteSet.newBuilder()
                .setDataModel(TxReadWriteSet.DataModel.KV)
                .addNsRwset(NsReadWriteSet.newBuilder()
                        .setNamespace(proposal.chaincode())
                        .setRwset(endorsement.kvRwSet().toByteString()))
                .build();
        final ChaincodeAction.Builder action = ChaincodeAction.newBuilder()
                .setResults(results.toByteString())
                .setResponse(response(endorsement))
                .setChaincodeId(ChaincodeID.newBuilder().setName(proposal.chaincode()).setVersion(CHAINCODE_VERSION));
        if (endorsement.event() != null) {
            action.setEvents(endorsement.event().toProto(proposal.chaincode(), proposal.txId()).toByteString());
        }
        return ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(proposalHash(proposal)))
                .setExtension(action.build().toByteString())
                .build();
    }

    static Response response(final Endorsement endorsement) {
        final Response.Builder response = Response.newBuilder()
                .setStatus(endorsement.status())
                .setPayload(ByteString.copyFrom(endorsement.payload()));
        if (endorsement.message() != null) {
            response.setMessage(endorsement.message());
        }
        return response.build();
    }

    /** Fabric's proposal hash: SHA-256 of channel header, signature header and the payload without transient data. */
    private static byte[] proposalHash(final ProposalParser.ParsedProposal proposal) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(proposal.header().getChannelHeader().toByteArray());
            digest.update(proposal.header().getSignatureHeader().toByteArray());
            digest.update(withoutTransient(proposal.payload()).toByteArray());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static ByteString withoutTransient(final ChaincodeProposalPayload payload) {
        return ChaincodeProposalPayload.newBuilder().setInput(payload.getInput()).build().toByteString();
    }
}
