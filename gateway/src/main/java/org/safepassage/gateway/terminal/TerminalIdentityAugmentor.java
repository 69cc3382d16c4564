package org.safepassage.gateway.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.credential.CertificateCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.model.Identifiers;

/**
 * Maps a client certificate (mutual TLS, trusted only if the border organisation's CA issued it) to a configured
 * {@link Terminal}: its common name names the terminal, the Fabric CA {@code role} attribute in the certificate (the one
 * the chaincode enforces) gives the role, {@code guard} or {@code supervisor}. A certificate the configuration does not
 * name gets no role, so every API call is refused with 403.
 */
@ApplicationScoped
final class TerminalIdentityAugmentor implements SecurityIdentityAugmentor {
    /** Fabric CA's attribute extension, {@code {"attrs":{"role":"guard"}}}. */
    static final String ATTRIBUTE_OID = "1.2.3.4.5.6.7.8.1";

    private static final Logger LOG = Logger.getLogger(TerminalIdentityAugmentor.class);
    private static final Set<String> ROLES = Set.of("guard", "supervisor");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TerminalConfig config;

    TerminalIdentityAugmentor(final TerminalConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(final SecurityIdentity identity, final AuthenticationRequestContext context) {
        final CertificateCredential credential = identity.getCredential(CertificateCredential.class);
        if (identity.isAnonymous() || credential == null || credential.getCertificate() == null) {
            return Uni.createFrom().item(identity);
        }
        final X509Certificate certificate = credential.getCertificate();
        final String name = Identifiers.commonName(certificate.getSubjectX500Principal().getName());
        final TerminalConfig.TerminalEntry entry = config.terminals().get(name);
        if (entry == null) {
            LOG.warnf("client certificate %s names no configured terminal", name);
            return Uni.createFrom().item(identity);
        }
        final Optional<String> role = roleAttribute(certificate).or(entry::role).filter(ROLES::contains);
        if (role.isEmpty()) {
            LOG.warnf("terminal %s has no guard or supervisor role", name);
            return Uni.createFrom().item(identity);
        }
        final Terminal terminal = new Terminal(name, entry.post(), entry.ledgerUser(), role.get(), null);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRole(role.get())
                .addAttribute(Terminal.ATTRIBUTE, terminal)
                .build());
    }

    static Optional<String> roleAttribute(final X509Certificate certificate) {
        final byte[] extension = certificate.getExtensionValue(ATTRIBUTE_OID);
        if (extension == null || extension.length < 2) {
            return Optional.empty();
        }
        try {
            // getExtensionValue wraps the raw JSON in one DER OCTET STRING: skip its tag and length.
            int offset = 2;
            if ((extension[1] & 0x80) != 0) {
                offset += extension[1] & 0x7f;
            }
            final JsonNode json = JSON.readTree(Arrays.copyOfRange(extension, offset, extension.length));
            final JsonNode role = json.path("attrs").path("role");
            return role.isTextual() ? Optional.of(role.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
