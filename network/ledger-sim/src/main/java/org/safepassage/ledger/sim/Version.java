package org.safepassage.ledger.sim;

/**
 * The height at which a key was last written: the block number and the index of the transaction in that block.
 *
 * @param blockNum block number
 * @param txNum transaction index within the block
 */
public record Version(long blockNum, long txNum) implements Comparable<Version> {

    /** Rejects negative heights. */
    public Version {
        if (blockNum < 0 || txNum < 0) {
            throw new IllegalArgumentException("version components must not be negative: " + blockNum + ":" + txNum);
        }
    }

    /** @return the protobuf {@code kvrwset.Version} */
    public org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version toProto() {
        return org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version.newBuilder()
                .setBlockNum(blockNum)
                .setTxNum(txNum)
                .build();
    }

    @Override
    public int compareTo(final Version other) {
        final int byBlock = Long.compare(blockNum, other.blockNum);
        return byBlock != 0 ? byBlock : Long.compare(txNum, other.txNum);
    }

    @Override
    public String toString() {
        return blockNum + ":" + txNum;
    }
}
