package org.safepassage.devpeer;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.safepassage.ledger.sim.Identity;

/**
 * The channel's organisations as the devpeer knows them: per MSP id the CA certificate its members must chain to,
 * and the identity the devpeer endorses with when it plays that organisation's peer.
 */
final class Organisations {
    private final Map<String, X509Certificate> caCertificates;
    private final Map<String, Identity> peers;
    private final Map<ByteString, Identity> verifiedCreators = new ConcurrentHashMap<>();

    Organisations(final Map<String, X509Certificate> caCertificates, final Map<String, Identity> peers) {
        this.caCertificates = Map.copyOf(caCertificates);
        this.peers = Map.copyOf(new LinkedHashMap<>(peers));
        peers.forEach((msp, peer) -> {
            if (!caCertificates.containsKey(msp) || !msp.equals(peer.mspId()) || !peer.canSign()) {
                throw new IllegalArgumentException("peer identity for " + msp + " must be a signing member of it");
            }
        });
    }

    Set<String> mspIds() {
        return caCertificates.keySet();
    }

    Optional<Identity> peer(final String mspId) {
        return Optional.ofNullable(peers.get(mspId));
    }

    /**
     * The member that serialized identity names, if its certificate was issued by the CA of the MSP it claims and
     * is valid now.
     *
     * @throws UnknownIdentityException otherwise, with the reason
     */
    Identity member(final ByteString serializedIdentity) throws UnknownIdentityException {
        final Identity cached = verifiedCreators.get(serializedIdentity);
        if (cached != null && isCurrent(cached.certificate())) {
            return cached;
        }
        final SerializedIdentity parsed;
        try {
            parsed = SerializedIdentity.parseFrom(serializedIdentity);
        } catch (InvalidProtocolBufferException e) {
            throw new UnknownIdentityException("creator is malformed");
        }
        final X509Certificate ca = caCertificates.get(parsed.getMspid());
        if (ca == null) {
            throw new UnknownIdentityException(
                    "creator org unknown: MSP [" + parsed.getMspid() + "] is not a member of the channel");
        }
        final X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(parsed.getIdBytes().toString(UTF_8).getBytes(UTF_8)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UnknownIdentityException("creator certificate is malformed");
        }
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UnknownIdentityException("certificate of " + certificate.getSubjectX500Principal().getName()
                    + " was not issued by the CA of " + parsed.getMspid());
        }
        if (!isCurrent(certificate)) {
            throw new UnknownIdentityException("certificate of " + certificate.getSubjectX500Principal().getName()
                    + " is expired or not yet valid");
        }
        final Identity member = Identity.ofCertificate(parsed.getMspid(), certificate);
        verifiedCreators.put(serializedIdentity, member);
        return member;
    }

    /** Verifies that a member of a channel organisation signed {@code message}; returns the member. */
    Identity verifySigned(final ByteString serializedIdentity, final ByteString message, final ByteString signature)
            throws UnknownIdentityException {
        Objects.requireNonNull(message, "message");
        final Identity member = member(serializedIdentity);
        if (!Signatures.verify(member.certificate().getPublicKey(), message.toByteArray(), signature.toByteArray())) {
            throw new UnknownIdentityException("the signature of " + member.mspId() + " member "
                    + member.certificate().getSubjectX500Principal().getName() + " is invalid");
        }
        return member;
    }

    private static boolean isCurrent(final X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A creator, endorser or signature the channel's MSPs do not accept. */
    static final class UnknownIdentityException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownIdentityException(final String message) {
            super(message);
        }
    }
}
