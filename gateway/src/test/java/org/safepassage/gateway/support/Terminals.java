package org.safepassage.gateway.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hyperledger.fabric.client.identity.Identities;

/** HTTPS clients presenting a dev identity's certificate (mutual TLS), trusting the BorderMSP TLS CA. */
public final class Terminals {
    private Terminals() {}

    /** The BorderMSP guard terminal, CN post-md-leuseni-01. */
    public static HttpClient guard() {
        return client("BorderMSP", "guard");
    }

    /** The BorderMSP supervisor, CN post-md-leuseni-supervisor. */
    public static HttpClient supervisor() {
        return client("BorderMSP", "supervisor");
    }

    /** A client presenting the certificate of {@code user} of {@code mspId}. */
    public static HttpClient client(final String mspId, final String user) {
        final Path msp = GatewayTestEnvironment.crypto().resolve(mspId).resolve("users").resolve(user).resolve("msp");
        try (Reader cert = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
                Reader key = Files.newBufferedReader(msp.resolve("keystore/key.pem"))) {
            final X509Certificate certificate = Identities.readX509Certificate(cert);
            final PrivateKey privateKey = Identities.readPrivateKey(key);
            final KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("terminal", privateKey, new char[0], new Certificate[] {certificate});
            final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, new char[0]);
            return HttpClient.newBuilder()
                    .sslContext(context(keyManagers))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client with no certificate of its own. */
    public static HttpClient anonymous() {
        try {
            return HttpClient.newBuilder().sslContext(context(null)).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(final KeyManagerFactory keyManagers)
            throws IOException, GeneralSecurityException {
        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (Reader ca = Files.newBufferedReader(
                GatewayTestEnvironment.crypto().resolve("BorderMSP/tlsca/cert.pem"))) {
            trust.setCertificateEntry("border-tls-ca", Identities.readX509Certificate(ca));
        }
        final TrustManagerFactory trustManagers =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                null);
        return context;
    }
}
