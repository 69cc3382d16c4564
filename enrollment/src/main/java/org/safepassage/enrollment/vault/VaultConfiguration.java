package org.safepassage.enrollment.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.enrollment.biometrics.iris.IrisFcV1Commitments;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.commitment.Pepper;
import org.safepassage.enrollment.commitment.Peppers;
import org.safepassage.service.db.Jdbc;

/**
 * The vault's keys from configuration. There are no defaults: a service without a key-encryption key or a pepper
 * refuses to start. Tests and the embedded default generate fresh ones; production passes them in from its secret
 * store (or, later, a PKCS#11 {@link KeyEncryptionKey}).
 */
@ApplicationScoped
public class VaultConfiguration {
    @Produces
    @Singleton
    SubjectVault vault(@ConfigProperty(name = "safepassage.vault.kek-id") final String kekId,
            @ConfigProperty(name = "safepassage.vault.kek") final String kek, final Jdbc jdbc) {
        return SubjectVault.create(KeyEncryptionKeys.fromBase64(kekId, kek), new JdbcDataKeyStore(jdbc));
    }

    @Produces
    @Singleton
    Pepper pepper(@ConfigProperty(name = "safepassage.commitment.pepper-id") final String pepperId,
            @ConfigProperty(name = "safepassage.commitment.pepper") final String pepper) {
        return Peppers.fromBase64(pepperId, pepper);
    }

    @Produces
    @Singleton
    FpV1Commitments commitments(final Pepper pepper) {
        return FpV1Commitments.create(pepper);
    }

    @Produces
    @Singleton
    IrisFcV1Commitments irisCommitments(final Pepper pepper) {
        return IrisFcV1Commitments.create(pepper);
    }
}
