package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * Which person (or, for what no person asked for, which service) a transaction was made for: written by the chaincode
 * beside every write whose proposal names an actor ({@link Actors}), under the key {@code attribution/<txId>}. The
 * actor is pseudonymous; who it is stays with the identity provider of {@code by}'s organisation.
 *
 * @param txId the transaction
 * @param transaction its name, such as {@code RegisterSubject}
 * @param actor the person's pseudonymous identifier (the IdP's subject), or {@code service:<name>}
 * @param by the identity that signed: {@code MSP/common name} of the service or terminal
 * @param at the transaction's timestamp
 */
public record ActorAttribution(String txId, String transaction, String actor, String by, Instant at) {
    public ActorAttribution {
        Require.present("txId", txId);
        Require.present("transaction", transaction);
        Require.present("actor", actor);
        Require.present("by", by);
        Require.present("at", at);
        Actors.require(actor);
    }
}
