package org.safepassage.enrollment.gallery;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.safepassage.enrollment.biometrics.index.CandidateIndex;
import org.safepassage.enrollment.biometrics.index.IndexParameters;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;
import org.safepassage.enrollment.vault.VaultField;

/**
 * The fingerprint index on disk, so a restart need not hash every template again: the index's entries and postings,
 * and one digest per entry of the template it was built from, so a restart trusts an entry only if the template now
 * in the vault is the very one it was hashed from. Entries whose template changed or that are new since are hashed
 * again; entries that are gone are removed. A snapshot is therefore never wrong for the gallery it is loaded with,
 * only more or less out of date, and an enrollment or erasure after it is never lost.
 *
 * <p>The index is derived biometric data, so the file is sealed like the vault's fields: in chunks of 1 MiB, each
 * AES-256-GCM under a data key of its own (wrapped by the vault's KEK, in the vault's key table under
 * {@code index-snapshot:<uuid>}), each chunk numbered and the last marked, so a chunk altered, dropped, reordered or
 * cut off fails the read, which then rebuilds. Destroying that key ({@link #forget}) crypto-erases the file and every
 * copy of it, as an erasure destroys a subject's key: the gallery does that on every erasure, so no snapshot outlives
 * a subject's erasure (the next write, at shutdown or after a rebuild, seals a fresh one under a fresh key).
 *
 * <p>Not thread-safe: the gallery calls it under its changes lock.
 */
final class IndexSnapshot {
    static final String FILE_NAME = "fingerprint-index.snapshot";

    private static final Logger LOG = Logger.getLogger(IndexSnapshot.class);
    private static final int MAGIC = 0x53504958; // "SPIX"
    private static final int VERSION = 1;
    private static final String KEY_PREFIX = "index-snapshot:";
    /* Under half a G1 region at an 8 GiB heap (4 MiB regions): a chunk's buffers are never humongous objects, which
     * near a full heap cost a garbage collection cycle each (4 MiB chunks made the write at 1,000,000 mostly GC). */
    private static final int CHUNK = 1 << 20;
    private static final int DIGEST_BYTES = 32;

    private final Path file;
    private final SubjectVault vault;

    IndexSnapshot(final Path directory, final SubjectVault vault) {
        this.file = Objects.requireNonNull(directory, "directory").resolve(FILE_NAME);
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /** What a snapshot restores: the index and, per entry, the digest of the template it was hashed from. */
    record Restored(CandidateIndex index, Map<String, byte[]> digests) {}

    /** The digest that ties an index entry to its template: SHA-256 over the key and the template's bytes. */
    static byte[] digest(final String key, final byte[] template) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(template);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Seals the index and the digests of its entries' templates into the file, under a fresh key, then destroys the
     * previous snapshot's key. The caller holds the gallery still (no change between the two arguments).
     *
     * @param index the index
     * @param digests one digest per index entry ({@link #digest})
     * @throws IOException if the file cannot be written (the previous one is then left as it was)
     */
    void write(final CandidateIndex index, final Map<String, byte[]> digests) throws IOException {
        final String previous = keyId().orElse(null);
        final String keyId = KEY_PREFIX + UUID.randomUUID();
        vault.createSubjectKey(keyId);
        final Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary);
                    DataOutputStream header = new DataOutputStream(raw);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                            new SealingStream(raw, keyId), 1 << 16))) {
                header.writeInt(MAGIC);
                header.writeInt(VERSION);
                header.writeUTF(keyId);
                header.flush();
                out.writeInt(digests.size());
                for (final Map.Entry<String, byte[]> entry : digests.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.write(entry.getValue());
                }
                index.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            vault.destroySubjectKey(keyId);
            throw e;
        }
        if (previous != null) {
            vault.destroySubjectKey(previous);
        }
    }

    /**
     * Reads the snapshot, if there is one that opens and was written under these parameters. Anything else (no file,
     * its key destroyed, a chunk altered or missing, other parameters) is logged and answered empty: the caller then
     * builds the index from the templates.
     *
     * @param parameters the index parameters in force
     * @return the index, with the digests of the templates its entries were hashed from
     */
    Optional<Restored> read(final IndexParameters parameters) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream header = new DataInputStream(raw)) {
            final String keyId = readHeader(header);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(new OpeningStream(raw, keyId),
                    1 << 16))) {
                final int count = in.readInt();
                if (count < 0) {
                    throw new IOException("a negative digest count");
                }
                final Map<String, byte[]> digests = new HashMap<>(count + (count >> 1) + 1);
                for (int i = 0; i < count; i++) {
                    final String key = in.readUTF();
                    final byte[] digest = new byte[DIGEST_BYTES];
                    in.readFully(digest);
                    digests.put(key, digest);
                }
                final CandidateIndex index = CandidateIndex.readFrom(in, parameters);
                if (in.read() != -1) {
                    throw new IOException("data after the index");
                }
                // An entry without a digest cannot be tied to a template: never trusted.
                for (final String key : index.keys()) {
                    if (!digests.containsKey(key)) {
                        index.remove(key);
                    }
                }
                return Optional.of(new Restored(index, digests));
            }
        } catch (NoSuchFileException e) {
            LOG.infof("no fingerprint index snapshot at %s: the index is built from the templates", file);
        } catch (IOException | VaultException | IllegalArgumentException e) {
            LOG.warnf("the fingerprint index snapshot at %s is not used (%s): the index is built from the templates",
                    file, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Crypto-erases the snapshot: destroys its key (so the file and any copy are unreadable) and deletes the file.
     * Called on every erasure, with the erasure's transaction if there is one.
     */
    void forget() {
        keyId().ifPresent(vault::destroySubjectKey);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("the fingerprint index snapshot %s could not be deleted (%s); its key is destroyed", file,
                    e.getMessage());
        }
    }

    /* The key id the current file names, if it has a readable header. */
    private Optional<String> keyId() {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return Optional.of(readHeader(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readHeader(final DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a fingerprint index snapshot of this version");
        }
        final String keyId = in.readUTF();
        if (!keyId.startsWith(KEY_PREFIX)) {
            throw new IOException("a snapshot key outside the snapshots' names");
        }
        return keyId;
    }

    /* Each chunk: its length, then vault.encrypt(number (8 bytes) ‖ last (1 byte) ‖ data). */
    private final class SealingStream extends OutputStream {
        private final OutputStream out;
        private final String keyId;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 16);
        private long number;
        private boolean closed;

        SealingStream(final OutputStream out, final String keyId) {
            this.out = out;
            this.keyId = keyId;
        }

        @Override
        public void write(final int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) throws IOException {
            int from = offset;
            int left = length;
            while (left > 0) {
                final int n = Math.min(left, CHUNK - buffer.size());
                buffer.write(bytes, from, n);
                from += n;
                left -= n;
                if (buffer.size() == CHUNK) {
                    seal(false);
                }
            }
        }

        private void seal(final boolean last) throws IOException {
            final byte[] data = buffer.toByteArray();
            buffer.reset();
            final byte[] plain = ByteBuffer.allocate(9 + data.length).putLong(number++).put((byte) (last ? 1 : 0))
                    .put(data).array();
            final byte[] sealed = vault.encrypt(keyId, VaultField.INDEX_SNAPSHOT, plain);
            final DataOutputStream framed = new DataOutputStream(out);
            framed.writeInt(sealed.length);
            framed.write(sealed);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }
    }

    private final class OpeningStream extends InputStream {
        private final DataInputStream in;
        private final String keyId;
        private ByteBuffer current = ByteBuffer.allocate(0);
        private long number;
        private boolean last;

        OpeningStream(final InputStream in, final String keyId) {
            this.in = new DataInputStream(in);
            this.keyId = keyId;
        }

        @Override
        public int read() throws IOException {
            final byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(final byte[] bytes, final int offset, final int length) throws IOException {
            while (!current.hasRemaining()) {
                if (last) {
                    if (in.read() != -1) {
                        throw new IOException("bytes after the last chunk");
                    }
                    return -1;
                }
                open();
            }
            final int n = Math.min(length, current.remaining());
            current.get(bytes, offset, n);
            return n;
        }

        private void open() throws IOException {
            final int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                throw new IOException("the snapshot is cut off before its last chunk", e);
            }
            if (length < 0 || length > CHUNK + 64) {
                throw new IOException("a chunk of impossible length");
            }
            final byte[] sealed = new byte[length];
            in.readFully(sealed);
            final ByteBuffer plain = ByteBuffer.wrap(vault.decrypt(keyId, VaultField.INDEX_SNAPSHOT, sealed));
            if (plain.remaining() < 9 || plain.getLong() != number++) {
                throw new IOException("a chunk out of order");
            }
            last = plain.get() == 1;
            current = plain.slice();
        }
    }
}
