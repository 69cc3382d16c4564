package org.safepassage.ledger.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A single-peer, single-channel ledger that executes Java contracts as a Fabric peer does.
 *
 * <p>{@link #simulate(Proposal)} runs the {@code @Contract} classes found on the class path through the shim's
 * {@code ContractRouter}, against a consistent view of the world state, and returns the {@link Endorsement}
 * without changing anything. {@link #commitBlock(List)} then validates a block of endorsements in order, as the
 * committing peer does:
 *
 * <ol>
 *   <li>a transaction id already on the ledger, or earlier in the block, is {@code DUPLICATE_TXID};
 *   <li>an endorsement with an error status (400 or above) is {@code ENDORSEMENT_POLICY_FAILURE}: a peer would
 *       not have endorsed it, so it cannot satisfy any policy;
 *   <li>with a chaincode-level policy configured, each written key (and each key whose metadata is written) must
 *       be endorsed as its committed validation parameter says, else as the chaincode-level policy says (see
 *       {@link KeyLevelValidator}); otherwise {@code ENDORSEMENT_POLICY_FAILURE};
 *   <li>a key read at a version that is no longer current, or changed by an earlier valid transaction of the same
 *       block, is {@code MVCC_READ_CONFLICT};
 *   <li>a range scan that would now return different keys or versions is {@code PHANTOM_READ_CONFLICT}.
 * </ol>
 *
 * Valid transactions' writes are applied at {@code Version(block, indexInBlock)}; every transaction, valid or
 * not, uses up its id. Chaincode events of valid transactions then go to the listeners.
 *
 * <p>Simulations may run concurrently with each other; commits are serialised and wait for running simulations,
 * as in Fabric's lock-based transaction manager.
 */
public final class LedgerSimulator {
    /** Channel name used when none is given. */
    public static final String DEFAULT_CHANNEL_ID = "safepassage";
    /** Endorsing peer's MSP id ({@code stub.getMspId()}) used when none is given. */
    public static final String DEFAULT_PEER_MSP_ID = "SimPeerMSP";

    private static final System.Logger LOGGER = System.getLogger(LedgerSimulator.class.getName());

    private final String channelId;
    private final String peerMspId;
    private final Clock clock;
    private final SignaturePolicy chaincodePolicy;
    private final WorldState worldState = new WorldState();
    private final ReentrantLock commitLock = new ReentrantLock();
    private final Set<String> ledgerTxIds = ConcurrentHashMap.newKeySet();
    private final List<Consumer<CommittedEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile long lastBlockNumber;

    /**
     * @param channelId the channel name the chaincode sees
     * @param peerMspId the endorsing peer's MSP id, returned by {@code stub.getMspId()}
     * @param clock source of proposal timestamps that the proposal does not fix
     */
    public LedgerSimulator(final String channelId, final String peerMspId, final Clock clock) {
        this(channelId, peerMspId, clock, null);
    }

    /**
     * A simulator that validates endorsements as Fabric's committer does, against key-level validation parameters
     * and this chaincode-level policy; {@link #submit(Proposal)} then endorses with the peers of the fewest
     * organisations that satisfy them.
     *
     * @param channelId the channel name the chaincode sees
     * @param peerMspId the endorsing peer's MSP id, returned by {@code stub.getMspId()}
     * @param clock source of proposal timestamps that the proposal does not fix
     * @param chaincodePolicy the chaincode-level endorsement policy, or {@code null} to check no policy (every
     *     successful endorsement is then valid, whoever signed it)
     */
    public LedgerSimulator(final String channelId, final String peerMspId, final Clock clock,
            final SignaturePolicy chaincodePolicy) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.peerMspId = Objects.requireNonNull(peerMspId, "peerMspId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chaincodePolicy = chaincodePolicy;
    }

    /** @param clock source of proposal timestamps that the proposal does not fix */
    public LedgerSimulator(final Clock clock) {
        this(DEFAULT_CHANNEL_ID, DEFAULT_PEER_MSP_ID, clock);
    }

    /** A simulator on the default channel and peer MSP, timestamping with the system UTC clock. */
    public LedgerSimulator() {
        this(Clock.systemUTC());
    }

    /**
     * Executes a proposal against the current state without committing it. A transaction id that is already on
     * the ledger is refused before the chaincode runs, with status 500, as the endorser refuses it.
     *
     * @param proposal the proposal
     * @return the endorsement
     */
    public Endorsement simulate(final Proposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        final Instant timestamp = proposal.timestamp() != null ? proposal.timestamp() : clock.instant();
        if (ledgerTxIds.contains(proposal.txId())) {
            return new Endorsement(
                    proposal.txId(),
                    timestamp,
                    Chaincode.Response.Status.INTERNAL_SERVER_ERROR.getCode(),
                    "duplicate transaction found [" + proposal.txId() + "]",
                    null,
                    ReadWriteSet.EMPTY,
                    null);
        }
        final ContractRouter router = SharedRouter.get(); // scan the class path before taking the state lock
        try (WorldState.Snapshot snapshot = worldState.snapshot()) {
            final SimulatedStub stub = new SimulatedStub(channelId, peerMspId, proposal, timestamp, snapshot);
            final Chaincode.Response response = router.invoke(stub); // the router turns any throwable into a 500
            return new Endorsement(
                    proposal.txId(),
                    timestamp,
                    response.getStatusCode(),
                    response.getMessage(),
                    response.getPayload(),
                    stub.readWriteSet(),
                    stub.contractEvent());
        }
    }

    /**
     * Runs a query-style transaction: the same as {@link #simulate(Proposal)}, named for Gateway's evaluate.
     *
     * @param proposal the proposal
     * @return the endorsement, never committed
     */
    public Endorsement evaluate(final Proposal proposal) {
        return simulate(proposal);
    }

    /**
     * @param creator the caller
     * @param function {@code contractName:TransactionName}
     * @param args string arguments
     * @return the endorsement of a freshly built proposal
     */
    public Endorsement evaluate(final Identity creator, final String function, final String... args) {
        return simulate(Proposal.of(creator, function, args));
    }

    /**
     * Simulates a proposal and, when the chaincode succeeded, commits it alone in a new block.
     *
     * @param proposal the proposal
     * @return the endorsement with its validation code and block number
     */
    public Result submit(final Proposal proposal) {
        final Endorsement simulated = simulate(proposal);
        if (!simulated.isSuccess()) {
            return new Result(simulated, TxValidationCode.NOT_VALIDATED, -1);
        }
        final Endorsement endorsement = chaincodePolicy == null
                ? simulated
                : simulated.endorsedBy(plan(simulated, namedOrganisations(simulated)).stream()
                        .map(Signer::peerOf).toList());
        final BlockResult block = commitBlock(List.of(endorsement));
        return new Result(endorsement, block.code(0), block.blockNumber());
    }

    /**
     * @param creator the caller
     * @param function {@code contractName:TransactionName}
     * @param args string arguments
     * @return the result of submitting a freshly built proposal
     */
    public Result submit(final Identity creator, final String function, final String... args) {
        return submit(Proposal.of(creator, function, args));
    }

    /**
     * @param endorsements the transactions of one block, in order
     * @return the block number and per-transaction validation codes
     */
    public BlockResult commit(final Endorsement... endorsements) {
        return commitBlock(List.of(endorsements));
    }

    /**
     * Validates and commits one block; see the class description for the rules.
     *
     * @param endorsements the transactions of the block, in order (at least one)
     * @return the block number and per-transaction validation codes
     */
    public BlockResult commitBlock(final List<Endorsement> endorsements) {
        return commitBlock(endorsements, true);
    }

    /**
     * Commits a block whose endorsements were validated when it was first committed (a block log being replayed):
     * the endorsement policies are not checked again, everything else is.
     *
     * @param endorsements the transactions of the block, in order (at least one)
     * @return the block number and per-transaction validation codes
     */
    public BlockResult replayBlock(final List<Endorsement> endorsements) {
        return commitBlock(endorsements, false);
    }

    private BlockResult commitBlock(final List<Endorsement> endorsements, final boolean checkPolicies) {
        if (endorsements.isEmpty()) {
            throw new IllegalArgumentException("a block needs at least one transaction");
        }
        if (worldState.isReadLockedByCurrentThread()) {
            throw new IllegalStateException("cannot commit from inside a simulation: it holds the state read lock");
        }
        commitLock.lock();
        try {
            final long blockNumber = lastBlockNumber + 1;
            final Set<String> blockTxIds = new HashSet<>();
            final List<WorldState.BlockTx> blockTxs = new ArrayList<>(endorsements.size());
            final KeyLevelValidator validator = checkPolicies && chaincodePolicy != null
                    ? new KeyLevelValidator(chaincodePolicy, this::committedParameter)
                    : null;
            for (Endorsement endorsement : endorsements) {
                final TxValidationCode preliminary;
                if (ledgerTxIds.contains(endorsement.txId())) {
                    preliminary = TxValidationCode.DUPLICATE_TXID;
                } else if (!endorsement.isSuccess()) {
                    preliminary = blockTxIds.add(endorsement.txId())
                            ? TxValidationCode.ENDORSEMENT_POLICY_FAILURE
                            : TxValidationCode.DUPLICATE_TXID;
                } else {
                    // Fabric validates a duplicate of an earlier transaction of the block before marking it, so
                    // its metadata writes count for the later transactions' key-level checks.
                    final TxValidationCode policyCode = validator == null
                            ? TxValidationCode.VALID
                            : validator.validate(endorsement.readWriteSet(), endorsement.endorsers());
                    preliminary = blockTxIds.add(endorsement.txId()) ? policyCode : TxValidationCode.DUPLICATE_TXID;
                }
                blockTxs.add(new WorldState.BlockTx(
                        endorsement.txId(), endorsement.timestamp(), endorsement.readWriteSet(), preliminary));
            }
            final BlockResult result = new BlockResult(blockNumber, worldState.commit(blockNumber, blockTxs));
            ledgerTxIds.addAll(blockTxIds);
            lastBlockNumber = blockNumber;
            LOGGER.log(System.Logger.Level.DEBUG, () -> "committed block " + blockNumber + ": " + result.validationCodes());
            publishEvents(result, endorsements);
            return result;
        } finally {
            commitLock.unlock();
        }
    }

    /** @return the chaincode-level endorsement policy, if this simulator checks policies */
    public Optional<SignaturePolicy> chaincodePolicy() {
        return Optional.ofNullable(chaincodePolicy);
    }

    /**
     * The policies an endorsement must satisfy as the committed state stands now, as a Fabric endorser reports
     * them to the gateway (its chaincode interest): the validation parameter of every key it writes that has one,
     * and the chaincode-level policy if it writes a key without one or writes nothing.
     *
     * @param endorsement a simulated transaction
     * @return the policies; empty when this simulator checks none
     */
    public List<SignaturePolicy> endorsementPolicies(final Endorsement endorsement) {
        return chaincodePolicy == null
                ? List.of()
                : new KeyLevelValidator(chaincodePolicy, this::committedParameter)
                        .policies(endorsement.readWriteSet());
    }

    /**
     * Plans endorsement as Fabric's gateway does from discovery: the fewest organisations, one peer each, whose
     * peers satisfy every policy of {@link #endorsementPolicies(Endorsement)}; among as few, those containing
     * {@code preferred} first (the gateway's own organisation), then the first in MSP-id order.
     *
     * @param endorsement a simulated transaction
     * @param organisations the organisations that have a peer on the channel
     * @param preferred the organisation to include when that costs nothing, or {@code null}
     * @return the MSP ids to endorse with, sorted; empty if no combination satisfies the policies
     */
    public List<String> plan(final Endorsement endorsement, final Collection<String> organisations,
            final String preferred) {
        final List<SignaturePolicy> policies = endorsementPolicies(endorsement);
        final List<String> candidates = organisations.stream().distinct().sorted().toList();
        if (candidates.size() > 16) {
            throw new IllegalArgumentException("too many organisations to plan over: " + candidates.size());
        }
        List<String> best = null;
        for (int mask = 0; mask < 1 << candidates.size(); mask++) {
            final List<String> chosen = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(candidates.get(i));
                }
            }
            final List<Signer> peers = chosen.stream().map(Signer::peerOf).toList();
            if (!policies.stream().allMatch(policy -> policy.isSatisfiedBy(peers))) {
                continue;
            }
            if (best == null || chosen.size() < best.size()
                    || chosen.size() == best.size() && chosen.contains(preferred) && !best.contains(preferred)) {
                best = chosen;
            }
        }
        return best == null ? List.of() : List.copyOf(best);
    }

    private List<String> plan(final Endorsement endorsement, final Collection<String> organisations) {
        return plan(endorsement, organisations, null);
    }

    /** The organisations the policies an endorsement needs name: the simulator plays a peer of each. */
    private Set<String> namedOrganisations(final Endorsement endorsement) {
        final Set<String> msps = new TreeSet<>();
        endorsementPolicies(endorsement).forEach(policy -> msps.addAll(policy.mspIds()));
        return msps;
    }

    private byte[] committedParameter(final String key) {
        return worldState.get(key).map(VersionedValue::validationParameter).orElse(null);
    }

    /** @param listener receives chaincode events of valid transactions, in commit order */
    public void addEventListener(final Consumer<CommittedEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener a listener added before */
    public void removeEventListener(final Consumer<CommittedEvent> listener) {
        listeners.remove(listener);
    }

    /** @return the committed world state (read-only access) */
    public WorldState worldState() {
        return worldState;
    }

    /** @return the number of the last committed block, 0 when only the implicit genesis block exists */
    public long lastBlockNumber() {
        return lastBlockNumber;
    }

    /** @return the ledger height, Fabric-style: the number of blocks including genesis */
    public long blockHeight() {
        return lastBlockNumber + 1;
    }

    /** @return the channel name */
    public String channelId() {
        return channelId;
    }

    /** @return the endorsing peer's MSP id */
    public String peerMspId() {
        return peerMspId;
    }

    /** Delivered while still holding the commit lock, so listeners see blocks in order. */
    private void publishEvents(final BlockResult block, final List<Endorsement> endorsements) {
        for (int i = 0; i < endorsements.size(); i++) {
            final Endorsement endorsement = endorsements.get(i);
            if (block.code(i) != TxValidationCode.VALID || endorsement.event() == null) {
                continue;
            }
            final CommittedEvent event =
                    new CommittedEvent(block.blockNumber(), endorsement.txId(), endorsement.event());
            for (Consumer<CommittedEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // A faulty listener must not undo or block a commit that already happened.
                    LOGGER.log(System.Logger.Level.WARNING, "event listener failed for tx " + event.txId(), e);
                }
            }
        }
    }
}
