package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transaction proposal: who invokes which contract function with which arguments.
 *
 * <p>The transaction id is derived as Fabric clients derive it, hex(SHA-256(nonce || serialized creator)), from
 * a random 24-byte nonce unless the caller fixes the nonce or the id itself (for reproducible tests; a real peer
 * would reject an id that does not match its nonce). A {@code null} timestamp means "now" on the simulator's
 * clock at simulation time.
 *
 * @param creator the submitting identity
 * @param function the function, {@code contractName:TransactionName} (or just the name for the default contract)
 * @param args the arguments after the function name
 * @param transientMap transient data, passed to the chaincode but never recorded on the ledger
 * @param nonce the proposal nonce
 * @param txId the transaction id
 * @param timestamp the proposal timestamp, or {@code null} for the simulator clock's time
 */
public record Proposal(
        Identity creator,
        String function,
        List<byte[]> args,
        Map<String, byte[]> transientMap,
        byte[] nonce,
        String txId,
        Instant timestamp) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_LENGTH = 24;

    /** Copies the inputs and fills in the nonce and transaction id when absent. */
    public Proposal {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(function, "function");
        args = args.stream().map(byte[]::clone).toList();
        final Map<String, byte[]> transientCopy = new LinkedHashMap<>();
        transientMap.forEach((k, v) -> transientCopy.put(k, v.clone()));
        transientMap = Collections.unmodifiableMap(transientCopy);
        if (nonce == null) {
            nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
        } else {
            nonce = nonce.clone();
        }
        if (txId == null) {
            txId = computeTxId(nonce, creator.serialized());
        }
    }

    /**
     * @param creator the submitting identity
     * @param function {@code contractName:TransactionName}
     * @param args string arguments, UTF-8 encoded
     * @return a proposal with a random nonce and no fixed timestamp
     */
    public static Proposal of(final Identity creator, final String function, final String... args) {
        return builder(creator, function).args(args).build();
    }

    /**
     * @param creator the submitting identity
     * @param function {@code contractName:TransactionName}
     * @return a builder for a proposal
     */
    public static Builder builder(final Identity creator, final String function) {
        return new Builder(creator, function);
    }

    /**
     * Fabric's transaction id: lowercase hex of SHA-256 over the nonce followed by the serialized creator.
     *
     * @param nonce proposal nonce
     * @param serializedCreator {@code msp.SerializedIdentity} bytes
     * @return the transaction id
     */
    public static String computeTxId(final byte[] nonce, final byte[] serializedCreator) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce);
            digest.update(serializedCreator);
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * The binding Fabric computes for a proposal, SHA-256(nonce || creator || epoch as little-endian uint64),
     * with epoch 0 as every current client sends.
     *
     * @return the 32-byte binding
     */
    public byte[] binding() {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce);
            digest.update(creator.serialized());
            digest.update(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0L).array());
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public List<byte[]> args() {
        return args.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** @return the arguments decoded as UTF-8 */
    public List<String> stringArgs() {
        return args.stream().map(arg -> new String(arg, UTF_8)).toList();
    }

    /** Builds a {@link Proposal}; only the creator and function are required. */
    public static final class Builder {
        private final Identity creator;
        private final String function;
        private final List<byte[]> args = new ArrayList<>();
        private final Map<String, byte[]> transientMap = new LinkedHashMap<>();
        private byte[] nonce;
        private String txId;
        private Instant timestamp;

        private Builder(final Identity creator, final String function) {
            this.creator = creator;
            this.function = function;
        }

        /**
         * @param values string arguments, appended in order
         * @return this builder
         */
        public Builder args(final String... values) {
            return args(List.of(values));
        }

        /**
         * @param values string arguments, appended in order
         * @return this builder
         */
        public Builder args(final List<String> values) {
            values.forEach(value -> args.add(value.getBytes(UTF_8)));
            return this;
        }

        /**
         * @param values raw arguments, appended in order
         * @return this builder
         */
        public Builder byteArgs(final byte[]... values) {
            for (byte[] value : values) {
                args.add(value.clone());
            }
            return this;
        }

        /**
         * @param key transient map key
         * @param value transient data
         * @return this builder
         */
        public Builder transientData(final String key, final byte[] value) {
            transientMap.put(key, value.clone());
            return this;
        }

        /**
         * @param value a fixed nonce; the transaction id is derived from it
         * @return this builder
         */
        public Builder nonce(final byte[] value) {
            this.nonce = value.clone();
            return this;
        }

        /**
         * @param value a fixed transaction id, overriding the derived one
         * @return this builder
         */
        public Builder txId(final String value) {
            this.txId = value;
            return this;
        }

        /**
         * @param value a fixed proposal timestamp
         * @return this builder
         */
        public Builder timestamp(final Instant value) {
            this.timestamp = value;
            return this;
        }

        /** @return the proposal */
        public Proposal build() {
            return new Proposal(creator, function, args, transientMap, nonce, txId, timestamp);
        }
    }
}
