package org.safepassage.devpeer;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.zip.CRC32C;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The append-only block log, the devpeer's source of truth: one record per block, {@code [length][crc32c][block
 * proto]}, forced to disk before a block counts as committed. Opening it reads every block; a last record cut short
 * by a crash (kill -9 during a write) is cut off, while damage before the last record stops the start.
 */
final class BlockStore implements AutoCloseable {
    static final String FILE_NAME = "blocks.log";
    private static final Logger LOG = Logger.getLogger(BlockStore.class.getName());
    private static final int RECORD_HEADER = Integer.BYTES * 2;

    private final Path file;
    private final FileChannel channel;
    private final List<Block> recovered;

    private BlockStore(final Path file, final FileChannel channel, final List<Block> recovered) {
        this.file = file;
        this.channel = channel;
        this.recovered = recovered;
    }

    /** Opens (creating if needed) the log in {@code dataDir}, reading and, if torn, repairing it. */
    static BlockStore open(final Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        final Path file = dataDir.resolve(FILE_NAME);
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            final List<Block> blocks = new ArrayList<>();
            final long validEnd = readAll(channel, blocks);
            final long size = channel.size();
            if (validEnd < size) {
                LOG.warning(() -> "block log " + file + ": discarding a torn last record (" + (size - validEnd)
                        + " bytes after block " + (blocks.size() - 1) + ")");
                channel.truncate(validEnd);
                channel.force(true);
            }
            channel.position(validEnd);
            return new BlockStore(file, channel, blocks);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return the blocks found when the log was opened, in order */
    List<Block> recovered() {
        return List.copyOf(recovered);
    }

    /** Appends a block and forces it to disk. */
    synchronized void append(final Block block) throws IOException {
        final byte[] bytes = block.toByteArray();
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        final ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + bytes.length);
        record.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
        channel.force(false);
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** Reads records into {@code blocks}; returns the offset after the last intact one. */
    private static long readAll(final FileChannel channel, final List<Block> blocks) throws IOException {
        final long size = channel.size();
        long offset = 0;
        final ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
        while (offset < size) {
            if (size - offset < RECORD_HEADER) {
                return offset; // torn inside the record header
            }
            header.clear();
            channel.read(header, offset);
            header.flip();
            final int length = header.getInt();
            final int expectedCrc = header.getInt();
            final long end = offset + RECORD_HEADER + length;
            if (length < 0 || end > size) {
                return offset; // torn inside the block bytes
            }
            final ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, offset + RECORD_HEADER);
            final CRC32C crc = new CRC32C();
            crc.update(body.array());
            if ((int) crc.getValue() != expectedCrc) {
                if (end == size) {
                    return offset; // the last write did not finish
                }
                throw new IOException("block log damaged at offset " + offset + ", before its last record");
            }
            try {
                blocks.add(Block.parseFrom(body.array()));
            } catch (InvalidProtocolBufferException e) {
                throw new IOException("block log record at offset " + offset + " is not a block", e);
            }
            offset = end;
        }
        return offset;
    }
}
