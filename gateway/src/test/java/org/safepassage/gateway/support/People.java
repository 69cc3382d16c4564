package org.safepassage.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * People logged in at the identity provider, as the gateway's tests need them without one: access tokens in Keycloak's
 * shape ({@code sub}, {@code realm_access.roles}), signed by this run's key, whose public half the gateway is configured
 * with ({@link GatewayTestEnvironment}).
 */
public final class People {
    /** The issuer the gateway's test profile expects. */
    public static final String ISSUER = "https://idp.test/realms/safepassage";

    private static final KeyPair KEYS = keys();

    /** The guard Leuseni's terminal is usually attended by. */
    public static final String GUARD = UUID.randomUUID().toString();
    /** A second guard. */
    public static final String GUARD2 = UUID.randomUUID().toString();
    /** A border supervisor. */
    public static final String SUPERVISOR = UUID.randomUUID().toString();

    private People() {}

    /** {@code Bearer} token of the usual guard. */
    public static String guard() {
        return token(GUARD, "guard");
    }

    /** {@code Bearer} token of the second guard. */
    public static String guard2() {
        return token(GUARD2, "guard");
    }

    /** {@code Bearer} token of the border supervisor. */
    public static String supervisor() {
        return token(SUPERVISOR, "border-supervisor");
    }

    /** {@code Bearer} token of a person with the subject {@code sub}, the realm roles {@code roles}, valid 5 minutes. */
    public static String token(final String sub, final String... roles) {
        return "Bearer " + sign(sub, ISSUER, 5, roles);
    }

    /** A signed token's compact form, with an issuer and a lifetime in minutes (negative: already expired). */
    public static String sign(final String sub, final String issuer, final int minutes, final String... roles) {
        return sign(sub, issuer, "gateway", minutes, roles);
    }

    /** A signed token's compact form meant for {@code audience}, as the realm's audience mappers make them. */
    public static String sign(final String sub, final String issuer, final String audience, final int minutes,
            final String... roles) {
        final JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(sub);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(minutes);
        claims.setClaim("typ", "Bearer");
        claims.setClaim("preferred_username", "person-" + sub.substring(0, 4));
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        final JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEYS.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key the gateway verifies tokens with: base64 of its X.509 encoding. */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /*
     * One key per build, kept in a file: the test resource (which configures the gateway) and the tests (which sign)
     * may be loaded by different class loaders, so a static field alone would give each its own key.
     */
    private static synchronized KeyPair keys() {
        final Path dir = Path.of("target", "test-idp").toAbsolutePath();
        try {
            final KeyFactory factory = KeyFactory.getInstance("RSA");
            if (!Files.exists(dir.resolve("public.der"))) {
                final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                final KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(dir);
                Files.write(dir.resolve("private.der"), pair.getPrivate().getEncoded());
                Files.write(dir.resolve("public.der"), pair.getPublic().getEncoded());
            }
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(dir.resolve("public.der")))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("private.der")))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep the test IdP's key in " + dir, e);
        }
    }
}
