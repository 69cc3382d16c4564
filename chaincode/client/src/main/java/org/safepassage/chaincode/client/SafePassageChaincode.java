package org.safepassage.chaincode.client;

import java.util.Objects;
import org.hyperledger.fabric.client.Network;

/**
 * The SafePassage chaincode as a service sees it: one typed view per contract, and its events. The only way services
 * call the chaincode; none builds transaction names or arguments itself.
 *
 * <p>Obtain one per channel with {@link #of(Network)}, from a connected fabric-gateway
 * {@link org.hyperledger.fabric.client.Gateway}: {@code SafePassageChaincode.of(gateway.getNetwork(channelName))}.
 * The gateway's identity decides what the chaincode lets the caller do; its call options set the deadlines. Instances
 * hold no connection of their own (close the gateway and its gRPC channel when done) and are thread-safe.
 */
public interface SafePassageChaincode {
    /** The name the chaincode is deployed under unless configured otherwise. */
    String DEFAULT_CHAINCODE_NAME = "safepassage";

    /**
     * The chaincode deployed as {@value #DEFAULT_CHAINCODE_NAME} on a channel.
     *
     * @param network the channel, from {@code Gateway.getNetwork}
     * @return the client
     * @throws NullPointerException if {@code network} is null
     */
    static SafePassageChaincode of(final Network network) {
        return of(network, DEFAULT_CHAINCODE_NAME);
    }

    /**
     * The chaincode deployed under {@code chaincodeName} on a channel.
     *
     * @param network the channel, from {@code Gateway.getNetwork}
     * @param chaincodeName the chaincode's name on the channel
     * @return the client
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code chaincodeName} is blank
     */
    static SafePassageChaincode of(final Network network, final String chaincodeName) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(chaincodeName, "chaincodeName");
        if (chaincodeName.isBlank()) {
            throw new IllegalArgumentException("chaincodeName: must not be blank");
        }
        return new ChaincodeClient(network, chaincodeName);
    }

    /**
     * The same chaincode, its writes attributed to one person: each proposal carries {@code actor} in its transient
     * data (never stored as such), and the chaincode records it on the ledger beside the transaction. The actor is a
     * pseudonymous identifier, such as the identity provider's subject ({@code sub}) of the person logged in: never a
     * name or an e-mail address (letters, digits, {@code . _ : -}, at most 128 characters).
     *
     * @param actor the person's pseudonymous identifier
     * @return a client whose calls act for that person
     * @throws IllegalArgumentException if {@code actor} is not such an identifier
     */
    SafePassageChaincode actingFor(String actor);

    /**
     * The chaincode's name on the channel.
     *
     * @return the name
     */
    String chaincodeName();

    /**
     * Subjects: registration, guardians, commitments, missing flags, erasure.
     *
     * @return the {@code subject} contract
     */
    Subjects subjects();

    /**
     * Scans, crossing requests, guardian decisions and crossings.
     *
     * @return the {@code crossing} contract
     */
    Crossings crossings();

    /**
     * Pre-authorised trips.
     *
     * @return the {@code trip} contract
     */
    Trips trips();

    /**
     * Alerts for child-protection analysts.
     *
     * @return the {@code alert} contract
     */
    Alerts alerts();

    /**
     * Anchors of the caller's organisation's access-audit trail.
     *
     * @return the {@code audit} contract
     */
    AuditAnchors auditAnchors();

    /**
     * The chaincode's events, skipping undecodable ones with a warning (see {@link LedgerEvents#strict()}).
     *
     * @return the event streams
     */
    LedgerEvents events();
}
