package org.safepassage.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Writes each border user's certificate and key as a PKCS#12 file a browser can import, so a tester can open the
 * guard's screen: the gateway only talks to terminals that present a client certificate from the BorderMSP CA.
 *
 * <p>{@code SAFEPASSAGE_DEMO_PASSWORD=P java -cp devpostgres.jar org.safepassage.devstack.TerminalKeystores --crypto DIR
 * --out DIR} (or {@code --password P} where no one else can read the command line)
 * writes {@code NAME.p12} (mode 600), protected by the password, for every border user but the organisation's
 * administrator: {@code guard} and {@code supervisor} at Leuseni, {@code guard-sculeni}, {@code guard-giurgiulesti}.
 */
public final class TerminalKeystores {
    private TerminalKeystores() {}

    public static void main(final String[] args) throws IOException, GeneralSecurityException {
        Path crypto = null;
        Path out = null;
        // The password is a secret: from the environment (SAFEPASSAGE_DEMO_PASSWORD), which ps does not show.
        String password = System.getenv("SAFEPASSAGE_DEMO_PASSWORD");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--crypto" -> crypto = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--password" -> password = args[i + 1];
                default -> usage("unknown option " + args[i]);
            }
        }
        if (crypto == null || out == null || password == null) {
            usage("--crypto and --out are required, and the password in SAFEPASSAGE_DEMO_PASSWORD");
        }
        Files.createDirectories(out);
        for (String user : terminalUsers(crypto)) {
            final Path msp = crypto.resolve("BorderMSP/users/" + user + "/msp");
            write(msp, out.resolve(user + ".p12"), user, password.toCharArray());
        }
    }

    /** The border organisation's users that are terminals: all but its administrator ({@code Admin}). */
    static List<String> terminalUsers(final Path crypto) throws IOException {
        try (var users = Files.list(crypto.resolve("BorderMSP/users"))) {
            return users.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("Admin"))
                    .sorted().toList();
        }
    }

    /** Reads a terminal's PKCS#12 back, for a client that talks to the gateway as that terminal. */
    public static KeyStore read(final Path p12, final char[] password) throws IOException, GeneralSecurityException {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            store.load(in, password);
        }
        return store;
    }

    static void write(final Path msp, final Path target, final String alias, final char[] password)
            throws IOException, GeneralSecurityException {
        final CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        final Certificate certificate;
        final Certificate ca;
        try (var in = Files.newInputStream(msp.resolve("signcerts/cert.pem"))) {
            certificate = x509.generateCertificate(in);
        }
        try (var in = Files.newInputStream(msp.resolve("../../../ca/cert.pem").normalize())) {
            ca = x509.generateCertificate(in);
        }
        final String pem = Files.readString(msp.resolve("keystore/key.pem"));
        final PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        final KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, new Certificate[] {certificate, ca});
        final Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temporary)) {
            store.store(file, password);
        }
        try {
            Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void usage(final String problem) {
        System.err.println("terminal-keystores: " + problem
                + "\nusage: SAFEPASSAGE_DEMO_PASSWORD=P java -cp devpostgres.jar org.safepassage.devstack.TerminalKeystores"
                + " --crypto DIR --out DIR");
        System.exit(2);
    }
}
