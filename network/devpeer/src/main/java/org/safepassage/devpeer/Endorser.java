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
 * with the identity of every organisation the endorsement policy needs, and assembles the transaction envelope the
 * Gateway returns for the client to sign.
 */
final class Endorser {
    static final String CHAINCODE_VERSION = "1";

    private final LedgerSimulator simulator;
    private final Organisations organisations;
    private final EndorsementPolicy policy;

    Endorser(final LedgerSimulator simulator, final Organisations organisations, final EndorsementPolicy policy) {
        this.simulator = simulator;
        this.organisations = organisations;
        this.policy = policy;
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
     *     (it then endorses on exactly those, policy or not); empty to let the policy decide
     */
    Envelope prepare(final ProposalParser.ParsedProposal proposal, final Endorsement endorsement,
            final List<String> endorsingOrganisations) {
        final ByteString responsePayload = responsePayload(proposal, endorsement).toByteString();
        final ChaincodeEndorsedAction.Builder action =
                ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(responsePayload);
        for (Identity peer : endorsers(proposal, endorsingOrganisations)) {
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
     * The organisations whose peers endorse: those the client named, else the policy's, else the creator's own (any
     * one will do).
     */
    private List<Identity> endorsers(final ProposalParser.ParsedProposal proposal, final List<String> requested) {
        final Set<String> msps = new LinkedHashSet<>(
                requested.isEmpty() ? policy.required(proposal.function()) : requested);
        if (msps.isEmpty()) {
            msps.add(organisations.peer(proposal.creator().mspId()).isPresent()
                    ? proposal.creator().mspId()
                    : organisations.mspIds().stream().filter(m -> organisations.peer(m).isPresent()).sorted()
                            .findFirst().orElseThrow());
        }
        final List<Identity> peers = new ArrayList<>();
        for (String msp : msps) {
            organisations.peer(msp).ifPresent(peers::add); // a missing peer leaves the policy unmet at validation
        }
        return peers;
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
