package org.safepassage.gateway.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;
import org.safepassage.gateway.api.ApiException;
import org.safepassage.gateway.identify.Identification;
import org.safepassage.gateway.identify.Identifier;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.status.RequestTracker;
import org.safepassage.gateway.terminal.Terminal;

/**
 * A border check: identify through enrollment, {@code RecordScan} as the post, then one decision. Flagged-missing,
 * erased and tampered identities are alerts; a person who needs no guardian consent, or whose active pre-authorised trip
 * covers this post, direction and companion, is clear; any other protected minor gets a crossing request opened for the
 * guardians. The ledger is the authority: it enforces the same rules again when the crossing is recorded.
 */
@ApplicationScoped
public class ScanService {
    static final int MAX_IMAGES = 10;
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    static final int MAX_IRIS_IMAGES = 2;
    private static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{15,63}");
    private static final Logger LOG = Logger.getLogger(ScanService.class);
    /* Striped: scans of one subject run one at a time, scans of different subjects rarely wait for each other. */
    private static final Lock[] SUBJECT_LOCKS = java.util.stream.IntStream.range(0, 64)
            .mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    private final Identifier identifier;
    private final PostLedgers ledgers;
    private final CompanionRefs companions;
    private final RequestTracker tracker;
    private final Duration requestTtl;
    private final Clock clock = Clock.systemUTC();

    ScanService(final Identifier identifier, final PostLedgers ledgers, final CompanionRefs companions,
            final RequestTracker tracker,
            @ConfigProperty(name = "safepassage.gateway.request-ttl", defaultValue = "PT15M") final Duration ttl) {
        this.identifier = identifier;
        this.ledgers = ledgers;
        this.companions = companions;
        this.tracker = tracker;
        if (ttl.compareTo(OpenCrossingRequestCommand.MIN_TTL) < 0
                || ttl.compareTo(OpenCrossingRequestCommand.MAX_TTL) > 0) {
            throw new IllegalStateException("safepassage.gateway.request-ttl: between "
                    + OpenCrossingRequestCommand.MIN_TTL + " and " + OpenCrossingRequestCommand.MAX_TTL);
        }
        this.requestTtl = ttl;
    }

    /**
     * Checks a scan and decides.
     *
     * @param terminal the post's terminal
     * @param scan the scan
     * @return the decision
     * @throws ApiException 400 for bad input, enrollment's 4xx, 503 if enrollment or the ledger is unreachable
     */
    public ScanDecision scan(final Terminal terminal, final ScanRequest scan) {
        if (scan == null) {
            throw new ApiException(400, "MALFORMED_REQUEST", "a JSON scan body is required", null);
        }
        final List<String> irisImages = irisImages(scan.irisImages());
        final List<String> images = irisImages.isEmpty() || scan.images() != null && !scan.images().isEmpty()
                ? images(scan.images()) : List.of();
        final Direction direction = direction(scan.direction());
        final String reference = subjectReference(scan.subjectReference());
        final String companionRef = scan.companion() == null ? null : companions.reference(scan.companion());

        final Identification identification = identifier.identify(images, irisImages, reference);
        if (!identification.matched()) {
            return ScanDecision.of(Decision.NOT_ENROLLED, "NO_MATCH", null);
        }
        if (identification.unverified()) {
            // The eye matched but did not re-derive the ledger's commitment: not proven, so nothing is recorded.
            return ScanDecision.of(Decision.NOT_ENROLLED, "IRIS_NOT_VERIFIED", null);
        }
        final SafePassageChaincode ledger = ledgers.as(terminal.ledgerUser());
        final Subject subject;
        try {
            subject = ledger.crossings().recordScan(new RecordScanCommand(identification.subjectId(), terminal.post()));
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() == ErrorCode.SUBJECT_ERASED) {
                return ScanDecision.of(Decision.ALERT, "SUBJECT_ERASED", identification.subjectId());
            }
            if (e.getCode() == ErrorCode.SUBJECT_NOT_FOUND) {
                return ScanDecision.of(Decision.NOT_ENROLLED, "NOT_ON_LEDGER", identification.subjectId());
            }
            throw e;
        }
        final String protection = subject.protectionClass() == null ? null : subject.protectionClass().name();
        if (identification.tampered()) {
            LOG.warnf("integrity mismatch for subject %s at %s", subject.subjectId(), terminal.post());
            return decision(Decision.ALERT, "INTEGRITY_MISMATCH", subject, protection, companionRef);
        }
        if (subject.status() == SubjectStatus.FLAGGED_MISSING) {
            return decision(Decision.ALERT, "FLAGGED_MISSING", subject, protection, companionRef);
        }
        if (!subject.needsGuardianConsent(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            return decision(Decision.CLEAR, "NOT_PROTECTED", subject, protection, companionRef);
        }
        final Instant now = clock.instant();
        final Optional<PreAuthorisedTrip> trip = ledger.trips().list(subject.subjectId()).stream()
                .filter(t -> t.covers(terminal.post(), direction, companionRef, now))
                .findFirst();
        if (trip.isPresent()) {
            return new ScanDecision(Decision.CLEAR, "PREAUTHORISED_TRIP", subject.subjectId(), protection,
                    companionRef, trip.get().tripId(), null, null);
        }
        final Lock lock = SUBJECT_LOCKS[Math.floorMod(subject.subjectId().hashCode(), SUBJECT_LOCKS.length)];
        lock.lock();
        try {
            return askGuardians(ledger, terminal, subject, protection, direction, companionRef);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One open request per subject. A scan of the crossing already asked about (the guard scanned again) gets that
     * request back, and the guardians no second round of codes. A scan at another post, or in another direction or
     * with another companion, while a request is open is an alert: the guardians were told about the first crossing,
     * which stands (cancelling it would let someone refused or waiting at one post start afresh at the next). Runs
     * under the subject's lock, so two scans at once cannot both open one.
     */
    private ScanDecision askGuardians(final SafePassageChaincode ledger, final Terminal terminal,
            final Subject subject, final String protection, final Direction direction, final String companionRef) {
        final Optional<CrossingRequest> open = tracker.openFor(subject.subjectId(), clock.instant());
        if (open.isPresent()) {
            final CrossingRequest request = open.get();
            if (request.isSameCrossing(terminal.post(), direction, companionRef)) {
                return approvalNeeded(subject, protection, companionRef, request);
            }
            LOG.warnf("subject %s scanned at %s (%s) while request %s is open at %s (%s)", subject.subjectId(),
                    terminal.post(), direction, request.requestId(), request.post(), request.direction());
            return decision(Decision.ALERT, "REQUEST_PENDING_ELSEWHERE", subject, protection, companionRef);
        }
        final CrossingRequest request = ledger.crossings().openRequest(new OpenCrossingRequestCommand(
                subject.subjectId(), terminal.post(), direction, companionRef, (int) requestTtl.toSeconds()));
        tracker.opened(request);
        return approvalNeeded(subject, protection, companionRef, request);
    }

    private static ScanDecision approvalNeeded(final Subject subject, final String protection,
            final String companionRef, final CrossingRequest request) {
        return new ScanDecision(Decision.GUARDIAN_APPROVAL_NEEDED, "APPROVAL_REQUIRED", subject.subjectId(),
                protection, companionRef, null, request.requestId(), request.expiresAt());
    }

    private static ScanDecision decision(final Decision decision, final String reason, final Subject subject,
            final String protection, final String companionRef) {
        return new ScanDecision(decision, reason, subject.subjectId(), protection, companionRef, null, null, null);
    }

    /**
     * Parses a direction.
     *
     * @param value {@code EXIT} or {@code ENTRY}, any case
     * @return the direction
     * @throws ApiException 400 otherwise
     */
    public static Direction direction(final String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("direction", "EXIT or ENTRY");
        }
        try {
            return Direction.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("direction", "EXIT or ENTRY");
        }
    }

    private static String subjectReference(final String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!OPAQUE_ID.matcher(value.trim()).matches()) {
            throw ApiException.invalid("subjectReference", "a subject id as printed on the card (16-64 characters)");
        }
        return value.trim();
    }

    private static List<String> images(final List<String> images) {
        if (images == null || images.isEmpty() || images.size() > MAX_IMAGES) {
            throw ApiException.invalid("images", "between 1 and " + MAX_IMAGES + " fingerprint images");
        }
        for (int i = 0; i < images.size(); i++) {
            final String field = "images[" + i + "]";
            final String image = images.get(i);
            if (image == null || image.isBlank()) {
                throw ApiException.invalid(field, "a base64 PNG, JPEG or WSQ image");
            }
            final byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(image);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field, "base64");
            }
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw ApiException.invalid(field, "at most " + MAX_IMAGE_BYTES + " bytes");
            }
            if (!isSupportedImage(bytes)) {
                throw new ApiException(400, "UNSUPPORTED_IMAGE_FORMAT", field + ": not a PNG, JPEG or WSQ image",
                        java.util.Map.of("field", field));
            }
        }
        return List.copyOf(images);
    }

    /** 0 to 2 near-infrared eye images, PNG or JPEG, base64; enrollment's quality gate judges the rest. */
    private static List<String> irisImages(final List<String> irisImages) {
        if (irisImages == null || irisImages.isEmpty()) {
            return List.of();
        }
        if (irisImages.size() > MAX_IRIS_IMAGES) {
            throw ApiException.invalid("irisImages", "at most " + MAX_IRIS_IMAGES + " iris images, one per eye");
        }
        for (int i = 0; i < irisImages.size(); i++) {
            final String field = "irisImages[" + i + "]";
            final String image = irisImages.get(i);
            if (image == null || image.isBlank()) {
                throw ApiException.invalid(field, "a base64 PNG or JPEG image");
            }
            final byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(image);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field, "base64");
            }
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw ApiException.invalid(field, "at most " + MAX_IMAGE_BYTES + " bytes");
            }
            if (!isSupportedImage(bytes)) {
                throw new ApiException(400, "UNSUPPORTED_IMAGE_FORMAT", field + ": not a PNG or JPEG image",
                        java.util.Map.of("field", field));
            }
        }
        return List.copyOf(irisImages);
    }

    /** PNG ({@code 89 50 4E 47}), JPEG ({@code FF D8}) or WSQ ({@code FF A0}, start of image). */
    static boolean isSupportedImage(final byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return true;
        }
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && ((bytes[1] & 0xff) == 0xD8 || (bytes[1] & 0xff) == 0xA0);
    }
}
