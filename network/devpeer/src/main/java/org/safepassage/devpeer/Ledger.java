package org.safepassage.devpeer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.safepassage.ledger.sim.BlockResult;
import org.safepassage.ledger.sim.Endorsement;
import org.safepassage.ledger.sim.LedgerSimulator;
import org.safepassage.ledger.sim.ReadWriteSet;
import org.safepassage.ledger.sim.Signer;

/**
 * The committing peer: validates ordered transactions (endorsement signatures here; endorsement policies, key-level
 * and chaincode-level, transaction ids and read sets in the simulator), writes each block to the block log before anyone learns its outcome, and keeps the
 * transaction index and the event log. Opening it replays the log to rebuild the world state.
 */
final class Ledger implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    private final LedgerSimulator simulator;
    private final BlockStore store;
    private final Organisations organisations;
    private final Map<String, TxStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TxStatus>> waiters = new ConcurrentHashMap<>();
    private final EventLog events = new EventLog();
    /** Every committed block, genesis first, for the peer's qscc and Deliver services. */
    private final List<Block> blocks = new ArrayList<>();
    private Block lastBlock;

    private Ledger(final LedgerSimulator simulator, final BlockStore store, final Organisations organisations) {
        this.simulator = simulator;
        this.store = store;
        this.organisations = organisations;
    }

    /** Replays the blocks in {@code store} into a fresh simulator, verifying the chain; writes genesis if empty. */
    static Ledger open(final LedgerSimulator simulator, final BlockStore store, final Organisations organisations)
            throws IOException {
        final Ledger ledger = new Ledger(simulator, store, organisations);
        final List<Block> blocks = store.recovered();
        if (blocks.isEmpty()) {
            final Block genesis = Blocks.genesis(simulator.channelId());
            store.append(genesis);
            ledger.lastBlock = genesis;
            ledger.blocks.add(genesis);
            ledger.events.append(0, List.of());
            return ledger;
        }
        for (Block block : blocks) {
            ledger.replay(block);
        }
        LOG.info(() -> "replayed " + blocks.size() + " blocks (" + ledger.statuses.size() + " transactions) from "
                + store.file() + "; hash chain verified");
        return ledger;
    }

    /**
     * Validates and commits one block. Waiters and event streams learn the outcome only after the block is on disk.
     *
     * @throws IOException if the block cannot be written; the in-memory state is then ahead of the log, so the
     *     caller must stop the peer
     */
    synchronized Block commit(final List<OrderedTransaction> transactions) throws IOException {
        final List<Endorsement> endorsements = new ArrayList<>(transactions.size());
        for (OrderedTransaction tx : transactions) {
            endorsements.add(toEndorsement(tx, true).endorsedBy(verifiedEndorsers(tx)));
        }
        final BlockResult result = simulator.commitBlock(endorsements);
        final long number = lastBlock.getHeader().getNumber() + 1;
        if (result.blockNumber() != number) {
            throw new IllegalStateException("simulator at block " + result.blockNumber() + ", log at " + number);
        }
        final List<Envelope> envelopes = transactions.stream().map(OrderedTransaction::envelope).toList();
        final Block block = Blocks.build(number, Blocks.headerHash(lastBlock.getHeader()), envelopes,
                result.validationCodes());
        store.append(block);
        index(block, transactions, result.validationCodes());
        LOG.fine(() -> "committed block " + number + ": " + result.validationCodes());
        return block;
    }

    /** @return the transaction's outcome, completed once it is committed (at once if it already is) */
    CompletableFuture<TxStatus> status(final String txId) {
        final TxStatus known = statuses.get(txId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        final CompletableFuture<TxStatus> waiter = waiters.computeIfAbsent(txId, id -> new CompletableFuture<>());
        final TxStatus raced = statuses.get(txId); // committed between the two looks
        if (raced != null) {
            waiter.complete(raced);
        }
        return waiter;
    }

    Optional<TxStatus> committed(final String txId) {
        return Optional.ofNullable(statuses.get(txId));
    }

    EventLog events() {
        return events;
    }

    synchronized long height() {
        return lastBlock.getHeader().getNumber() + 1;
    }

    /** @return the last committed block */
    synchronized Block lastBlock() {
        return lastBlock;
    }

    /** @return committed block {@code number}, if the ledger is that high */
    synchronized Optional<Block> block(final long number) {
        return number >= 0 && number < blocks.size() ? Optional.of(blocks.get((int) number)) : Optional.empty();
    }

    /** @return the committed block whose header hashes to {@code headerHash} */
    synchronized Optional<Block> blockByHeaderHash(final byte[] headerHash) {
        return blocks.stream()
                .filter(block -> java.security.MessageDigest.isEqual(Blocks.headerHash(block.getHeader()), headerHash))
                .findFirst();
    }

    /**
     * Waits up to {@code timeoutMillis} for block {@code number} to be committed (on disk).
     *
     * @return the block, or empty if it is not there yet
     */
    Optional<Block> awaitBlock(final long number, final long timeoutMillis) throws InterruptedException {
        events.awaitHeight(number + 1, timeoutMillis);
        return block(number);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    private void replay(final Block block) throws IOException {
        try {
            Blocks.verifyLink(lastBlock, block);
        } catch (IllegalStateException e) {
            throw new IOException("block log " + store.file() + " fails verification: " + e.getMessage(), e);
        }
        if (block.getHeader().getNumber() == 0) {
            lastBlock = block;
            blocks.add(block);
            events.append(0, List.of());
            return;
        }
        final List<TxValidationCode> recorded = Blocks.validationCodes(block);
        final List<OrderedTransaction> transactions = new ArrayList<>();
        final List<Endorsement> endorsements = new ArrayList<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            final OrderedTransaction tx;
            try {
                tx = OrderedTransaction.parse(Envelope.parseFrom(block.getData().getData(i)));
            } catch (ProposalParser.MalformedException e) {
                throw new IOException("block " + block.getHeader().getNumber() + " transaction " + i + ": "
                        + e.getMessage(), e);
            }
            transactions.add(tx);
            endorsements.add(toEndorsement(tx, recorded.get(i) == TxValidationCode.VALID));
        }
        // A committed block's validation is final (the policies it was checked against may have changed since).
        final BlockResult result = simulator.replayBlock(endorsements);
        for (int i = 0; i < recorded.size(); i++) {
            if ((result.code(i) == TxValidationCode.VALID) != (recorded.get(i) == TxValidationCode.VALID)) {
                throw new IOException("replaying block " + block.getHeader().getNumber() + " gives transaction " + i
                        + " " + result.code(i) + " where the log records " + recorded.get(i));
            }
        }
        index(block, transactions, recorded);
    }

    private void index(final Block block, final List<OrderedTransaction> transactions,
            final List<TxValidationCode> codes) {
        final long number = block.getHeader().getNumber();
        final List<EventLog.Entry> blockEvents = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < transactions.size(); i++) {
            final OrderedTransaction tx = transactions.get(i);
            final TxStatus status = new TxStatus(codes.get(i), number, i);
            // A duplicate keeps pointing at the first, committed occurrence, as Fabric's transaction index does.
            if (seen.add(tx.txId()) && !statuses.containsKey(tx.txId())) {
                statuses.put(tx.txId(), status);
                final CompletableFuture<TxStatus> waiter = waiters.remove(tx.txId());
                if (waiter != null) {
                    waiter.complete(status);
                }
            }
            if (codes.get(i) == TxValidationCode.VALID && tx.event() != null) {
                blockEvents.add(new EventLog.Entry(i, tx.event()));
            }
        }
        lastBlock = block;
        blocks.add(block);
        events.append(number, blockEvents);
    }

    /**
     * The identities whose endorsement signatures over this response verify, as members of channel organisations;
     * the simulator checks them against the endorsement policies. A bad signature just does not count, as in
     * Fabric's policy evaluation.
     */
    private List<Signer> verifiedEndorsers(final OrderedTransaction tx) {
        final List<Signer> endorsers = new ArrayList<>();
        for (org.hyperledger.fabric.protos.peer.Endorsement endorsement : tx.endorsements()) {
            try {
                endorsers.add(Signer.of(organisations.verifySigned(endorsement.getEndorser(),
                        tx.responsePayload().concat(endorsement.getEndorser()), endorsement.getSignature())));
            } catch (Organisations.UnknownIdentityException e) {
                LOG.log(Level.INFO, () -> "tx " + tx.txId() + ": endorsement refused: " + e.getMessage());
            }
        }
        return endorsers;
    }

    /** The simulator's view: a policy failure or a recorded invalid transaction only uses up its id. */
    private static Endorsement toEndorsement(final OrderedTransaction tx, final boolean valid) {
        return valid
                ? new Endorsement(tx.txId(), tx.timestamp(), 200, null, null, tx.readWriteSet(), null)
                : new Endorsement(tx.txId(), tx.timestamp(), 500, "not valid", null, ReadWriteSet.EMPTY, null);
    }
}
