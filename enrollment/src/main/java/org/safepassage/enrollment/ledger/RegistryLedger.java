package org.safepassage.enrollment.ledger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hyperledger.fabric.client.identity.Identities;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.service.actor.ActingPerson;

/**
 * The registry's seats on the ledger. Enrollment acts under two identities of the registry's organisation, each
 * holding only what the chaincode's access table grants it: the officer registers subjects and changes guardians and
 * flags; the data-protection officer alone erases, and signs erasure certificates with the same key. Connections open
 * on first use, so the service starts (and reports itself unhealthy) while the ledger is down.
 */
@ApplicationScoped
public class RegistryLedger {
    private final Path connectionFile;
    private final String mspId;
    private final String officerUser;
    private final String dpoUser;
    private LedgerConnection connection;
    private LedgerGateway officer;
    private LedgerGateway dpo;
    private final ActingPerson person;

    RegistryLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "RegistryMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.officer", defaultValue = "officer") final String officerUser,
            @ConfigProperty(name = "safepassage.ledger.dpo", defaultValue = "dpo") final String dpoUser,
            final ActingPerson person) {
        this.person = person;
        this.connectionFile = connectionFile;
        this.mspId = mspId;
        this.officerUser = officerUser;
        this.dpoUser = dpoUser;
    }

    /** The chaincode as the enrollment officer's identity: register, replace guardians, renew, flag, read. */
    public synchronized SafePassageChaincode officer() {
        if (officer == null) {
            officer = LedgerGateway.connect(connection(), mspId, officerUser);
        }
        return actingForThePerson(officer.chaincode());
    }

    /** The chaincode as the data-protection officer's identity: erase. */
    public synchronized SafePassageChaincode dpo() {
        if (dpo == null) {
            dpo = LedgerGateway.connect(connection(), mspId, dpoUser);
        }
        return actingForThePerson(dpo.chaincode());
    }

    // Every write names an actor (docs/identity.md, attribution): the person logged in, the person whose request an
    // outbox retry carries out, or enrollment itself (the audit anchor nobody asked for).
    private SafePassageChaincode actingForThePerson(final SafePassageChaincode chaincode) {
        return chaincode.actingFor(person.actor());
    }

    public synchronized String channel() {
        return connection().channel();
    }

    /** The data-protection officer's signing key and certificate, issued by the registry's CA. */
    public synchronized Signer dpoSigner() {
        final Path msp = connection().userMsp(mspId, dpoUser);
        try (Reader cert = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
                Reader key = Files.newBufferedReader(msp.resolve("keystore/key.pem"))) {
            return new Signer(Identities.readPrivateKey(key), Identities.readX509Certificate(cert));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data-protection officer's identity", e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new IllegalStateException("the data-protection officer's identity is invalid", e);
        }
    }

    /** The registry organisation's CA certificate, which a certificate's signer must chain to. */
    public synchronized X509Certificate registryCa() {
        final Path ca = connection().userMsp(mspId, dpoUser).resolve("cacerts");
        try (var files = Files.list(ca); Reader pem = Files.newBufferedReader(files.findFirst().orElseThrow())) {
            return Identities.readX509Certificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry CA", e);
        } catch (CertificateException e) {
            throw new IllegalStateException("the registry CA certificate is invalid", e);
        }
    }

    private LedgerConnection connection() {
        if (connection == null) {
            try {
                connection = LedgerConnection.read(connectionFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the ledger connection " + connectionFile, e);
            }
        }
        return connection;
    }

    @PreDestroy
    synchronized void close() {
        if (officer != null) {
            officer.close();
        }
        if (dpo != null) {
            dpo.close();
        }
    }

    /** A private key and the certificate that names it. */
    public record Signer(PrivateKey key, X509Certificate certificate) {}
}
