package org.safepassage.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.Subject;

/** The other organisations' side of the ledger, for test setup: registry officer, notifier, and the guard's reads. */
public final class TestLedger {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, LedgerGateway> GATEWAYS = new ConcurrentHashMap<>();

    private TestLedger() {}

    public static SafePassageChaincode as(final String mspId, final String user) {
        return GATEWAYS.computeIfAbsent(mspId + "/" + user, key -> {
            try {
                return LedgerGateway.connect(
                        LedgerConnection.read(GatewayTestEnvironment.connectionFile()), mspId, user);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).chaincode();
    }

    public static SafePassageChaincode officer() {
        return as("RegistryMSP", "officer");
    }

    public static SafePassageChaincode notifier() {
        return as("ChildProtectionMSP", "notifier");
    }

    public static SafePassageChaincode guard() {
        return as("BorderMSP", "guard");
    }

    /** A random opaque id with a readable prefix. */
    public static String id(final String prefix) {
        final byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Registers a minor with one guardian (quorum 1), consent required for years to come. */
    public static Subject minor(final String guardianRef) {
        return officer().subjects().register(new RegisterSubjectCommand(id("subj"), randomHex(),
                CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of(guardianRef), 1,
                YearMonth.now().plusYears(5)));
    }

    /** Registers a survivor, who needs no guardian. */
    public static Subject survivor() {
        return officer().subjects().register(new RegisterSubjectCommand(id("subj"), randomHex(),
                CommitmentScheme.FP_V1, ProtectionClass.SURVIVOR, List.of(), 0, null));
    }

    /** The guardian pre-authorises a trip through {@code post} in {@code direction}, any companion, for a week. */
    public static PreAuthorisedTrip trip(final Subject subject, final String guardianRef, final String post,
            final Direction direction) {
        final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return notifier().trips().authorise(new AuthoriseTripCommand(subject.subjectId(), now.minus(1, ChronoUnit.HOURS),
                now.plus(7, ChronoUnit.DAYS), List.of(post), List.of(), direction, null,
                List.of(new GuardianApproval(guardianRef, randomHex()))));
    }

    /** A guardian's answer, as the notifier records it. */
    public static CrossingRequest decide(final String requestId, final String guardianRef, final Decision decision) {
        return notifier().crossings().recordDecision(
                new RecordGuardianDecisionCommand(requestId, guardianRef, decision, randomHex()));
    }

    /** A fingerprint "image": PNG magic and a unique tail, which the enrollment stand-in keys its answers on. */
    public static String image(final String tail) {
        final byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        final byte[] rest = tail.getBytes(StandardCharsets.UTF_8);
        final byte[] all = new byte[magic.length + rest.length];
        System.arraycopy(magic, 0, all, 0, magic.length);
        System.arraycopy(rest, 0, all, magic.length, rest.length);
        return Base64.getEncoder().encodeToString(all);
    }

    /** Makes enrollment match {@code image} to {@code subject}. */
    public static void enrolled(final String image, final Subject subject, final String integrity) {
        GatewayTestEnvironment.answer(image, new GatewayTestEnvironment.Answer(200, "{\"outcome\":\"MATCH\",\"subjectId\":\""
                + subject.subjectId() + "\",\"score\":87.5,\"integrity\":\"" + integrity + "\",\"ledgerStatus\":\""
                + subject.status() + "\",\"protectionClass\":\"" + subject.protectionClass() + "\"}"));
    }

    /** As {@link #enrolled(String, Subject, String)}, enrollment naming the modality that matched. */
    public static void enrolledBy(final String image, final Subject subject, final String integrity,
            final String modality) {
        GatewayTestEnvironment.answer(image, new GatewayTestEnvironment.Answer(200, "{\"outcome\":\"MATCH\","
                + "\"subjectId\":\"" + subject.subjectId() + "\",\"score\":87.5,\"integrity\":\"" + integrity
                + "\",\"ledgerStatus\":\"" + subject.status() + "\",\"protectionClass\":\"" + subject.protectionClass()
                + "\",\"matchedBy\":[\"" + modality + "\"]}"));
    }

    private static String randomHex() {
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
