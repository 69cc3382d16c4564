package org.safepassage.chaincode.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.safepassage.chaincode.model.Actors;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.InvalidRecordException;

/**
 * Submits and evaluates one contract's transactions, turns fabric-gateway's exceptions into the client's and parses
 * results into records. Every chaincode call of the client goes through here.
 */
final class ContractCalls {
    private final Contract contract;
    private final String contractName;
    private final byte[] actor;

    ContractCalls(final Contract contract, final String contractName, final String actor) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.contractName = Objects.requireNonNull(contractName, "contractName");
        this.actor = actor == null ? null : actor.getBytes(StandardCharsets.UTF_8);
    }

    /** Endorses, submits and waits for the commit of a transaction; returns its result parsed as {@code type}. */
    <T> T submit(final String transaction, final Class<T> type, final String... args) {
        final Proposal proposal = proposal(transaction, args);
        final String label = label(transaction);
        final byte[] result;
        try {
            result = proposal.endorse().submit();
        } catch (EndorseException e) {
            throw Failures.endorsement(label, e);
        } catch (SubmitException e) {
            throw Failures.submission(label, e);
        } catch (CommitStatusException e) {
            throw Failures.commitStatus(label, e);
        } catch (CommitException e) {
            throw Failures.commit(e);
        }
        // The transaction committed: keep its id on a parse failure, so nobody mistakes it for one that did not.
        try {
            return CanonicalJson.parse(result, type);
        } catch (InvalidRecordException e) {
            throw Failures.badResult(label, proposal.getTransactionId(), type.getSimpleName(), e);
        }
    }

    /**
     * Endorses and submits a transaction, and returns once the orderer has accepted it, with the endorsed result
     * parsed as {@code type}; the commit's outcome is awaited on a separate thread.
     */
    <T> Submitted<T> submitAsync(final String transaction, final Class<T> type, final String... args) {
        final Proposal proposal = proposal(transaction, args);
        final String label = label(transaction);
        final SubmittedTransaction submitted;
        try {
            submitted = proposal.endorse().submitAsync();
        } catch (EndorseException e) {
            throw Failures.endorsement(label, e);
        } catch (SubmitException e) {
            throw Failures.submission(label, e);
        }
        final T result;
        try {
            result = CanonicalJson.parse(submitted.getResult(), type);
        } catch (InvalidRecordException e) {
            throw Failures.badResult(label, proposal.getTransactionId(), type.getSimpleName(), e);
        }
        final CompletableFuture<Void> committed = CompletableFuture.runAsync(() -> {
            final Status status;
            try {
                status = submitted.getStatus();
            } catch (CommitStatusException e) {
                throw Failures.commitStatus(label, e);
            }
            if (!status.isSuccessful()) {
                throw Failures.commit(status);
            }
        }, COMMIT_WAITERS);
        return new Submitted<>(result, proposal.getTransactionId(), committed);
    }

    /* Threads that wait for commit statuses (a blocking call in fabric-gateway); as many as commits are pending. */
    private static final Executor COMMIT_WAITERS = Executors.newCachedThreadPool(runnable -> {
        final Thread thread = new Thread(runnable, "commit-status");
        thread.setDaemon(true);
        return thread;
    });

    /** Evaluates a query on one peer; returns its result parsed as {@code type}. */
    <T> T evaluate(final String transaction, final Class<T> type, final String... args) {
        final byte[] result = evaluateRaw(transaction, args);
        try {
            return CanonicalJson.parse(result, type);
        } catch (InvalidRecordException e) {
            throw Failures.badResult(label(transaction), null, type.getSimpleName(), e);
        }
    }

    /** Evaluates a query on one peer; returns its result parsed as a JSON array of {@code type}. */
    <T> List<T> evaluateList(final String transaction, final Class<T> type, final String... args) {
        final byte[] result = evaluateRaw(transaction, args);
        try {
            return CanonicalJson.parseList(new String(result, StandardCharsets.UTF_8), type);
        } catch (InvalidRecordException e) {
            throw Failures.badResult(label(transaction), null, "list of " + type.getSimpleName(), e);
        }
    }

    /** The single argument of a transaction that takes a command: the command's canonical JSON. */
    static String json(final Object command) {
        return CanonicalJson.toJson(Objects.requireNonNull(command, "command"));
    }

    private byte[] evaluateRaw(final String transaction, final String... args) {
        try {
            return proposal(transaction, args).evaluate();
        } catch (GatewayException e) {
            throw Failures.evaluation(label(transaction), e);
        }
    }

    private Proposal proposal(final String transaction, final String... args) {
        // A proposal rather than Contract.submitTransaction: it gives the transaction id before anything can fail.
        final Proposal.Builder builder = contract.newProposal(transaction).addArguments(args);
        if (actor != null) {
            builder.putTransient(Actors.TRANSIENT_KEY, actor);
        }
        return builder.build();
    }

    private String label(final String transaction) {
        return contractName + ":" + transaction;
    }
}
