package org.safepassage.gateway.scan;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerConflictException;
import org.safepassage.chaincode.client.RequestAlreadyOpenException;
import org.safepassage.chaincode.client.Retry;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.client.Submitted;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.Identifiers;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;
import org.safepassage.gateway.identify.Identification;
import org.safepassage.gateway.identify.Identifier;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.status.RequestTracker;
import org.safepassage.gateway.terminal.Terminal;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.image.ImageFormat;

/**
 * A border check: identify through enrollment, read the subject from the ledger, decide, and commit once as the post:
 * {@code RecordScan}, or {@code OpenCrossingRequest} recording the scan in the same transaction. Flagged-missing,
 * erased and tampered identities are alerts; a person who needs no guardian consent, or whose active pre-authorised trip
 * covers this post, direction and companion, is clear; any other protected minor gets a crossing request opened for the
 * guardians. The ledger is the authority: it enforces the same rules again when the crossing is recorded.
 */
@ApplicationScoped
public class ScanService {
    static final int MAX_IMAGES = 10;
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    static final int MAX_IRIS_IMAGES = 2;
    private static final Logger LOG = Logger.getLogger(ScanService.class);
    /* Striped: scans of one subject run one at a time, scans of different subjects rarely wait for each other. */
    private static final Lock[] SUBJECT_LOCKS = java.util.stream.IntStream.range(0, 64)
            .mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);
    /* Where a failed background commit is handled and a conflict resubmitted (a blocking call): never the thread that
     * answers the guard, which whenComplete would use if the outcome were known before the handler is attached. */
    private static final java.util.concurrent.Executor RESUBMISSIONS =
            java.util.concurrent.Executors.newCachedThreadPool(work -> {
                final Thread thread = new Thread(work, "scan-resubmit");
                thread.setDaemon(true);
                return thread;
            });

    private final Identifier identifier;
    private final PostLedgers ledgers;
    private final CompanionRefs companions;
    private final RequestTracker tracker;
    private final Duration requestTtl;
    private final Clock clock = Clock.systemUTC();

    private final MeterRegistry metrics;
    private final boolean awaitScanCommit;

    ScanService(final Identifier identifier, final PostLedgers ledgers, final CompanionRefs companions,
            final RequestTracker tracker, final MeterRegistry metrics,
            @ConfigProperty(name = "safepassage.gateway.request-ttl", defaultValue = "PT15M") final Duration ttl,
            @ConfigProperty(name = "safepassage.gateway.await-scan-commit", defaultValue = "false")
            final boolean awaitScanCommit) {
        this.metrics = metrics;
        this.awaitScanCommit = awaitScanCommit;
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

        final Identification identification =
                timed("identify", () -> identifier.identify(images, irisImages, reference));
        return decide(terminal, identification, direction, companionRef).identifiedBy(identification.matchedBy());
    }

    /* What a scan identified as this subject (or no one) calls for, recorded on the ledger as it requires. */
    private ScanDecision decide(final Terminal terminal, final Identification identification,
            final Direction direction, final String companionRef) {
        if (!identification.matched()) {
            return ScanDecision.of(Decision.NOT_ENROLLED, "NO_MATCH", null);
        }
        if (identification.unverified()) {
            // The eye matched but did not re-derive the ledger's commitment: not proven, so nothing is recorded.
            return ScanDecision.of(Decision.NOT_ENROLLED, "IRIS_NOT_VERIFIED", null);
        }
        final SafePassageChaincode ledger = ledgers.as(terminal);
        // Read, decide, then commit once: either RecordScan, or OpenCrossingRequest recording the scan itself.
        final Subject read;
        try {
            read = timed("ledger_read", () -> ledger.subjects().read(identification.subjectId()));
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() == ErrorCode.SUBJECT_NOT_FOUND) {
                return ScanDecision.of(Decision.NOT_ENROLLED, "NOT_ON_LEDGER", identification.subjectId());
            }
            throw e;
        }
        if (read.status() == SubjectStatus.ERASED) {
            return ScanDecision.of(Decision.ALERT, "SUBJECT_ERASED", identification.subjectId());
        }
        if (identification.tampered() || read.status() == SubjectStatus.FLAGGED_MISSING
                || !read.needsGuardianConsent(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            return recorded(ledger, terminal, identification, companionRef);
        }
        final Instant now = clock.instant();
        final Optional<PreAuthorisedTrip> trip = timed("trips", () -> ledger.trips().list(read.subjectId())).stream()
                .filter(t -> t.covers(terminal.post(), direction, companionRef, now))
                .findFirst();
        if (trip.isPresent()) {
            final Subject subject = recordScan(ledger, terminal, read.subjectId());
            if (subject.status() != SubjectStatus.ACTIVE) {
                return decided(terminal, identification, subject, companionRef); // flagged since the read
            }
            return new ScanDecision(Decision.CLEAR, "PREAUTHORISED_TRIP", subject.subjectId(),
                    protection(subject), companionRef, trip.get().tripId(), null, null, null);
        }
        final Lock lock = SUBJECT_LOCKS[Math.floorMod(read.subjectId().hashCode(), SUBJECT_LOCKS.length)];
        lock.lock();
        try {
            return askGuardians(ledger, terminal, identification, read, direction, companionRef);
        } finally {
            lock.unlock();
        }
    }

    /* RecordScan, then the decision its answer (the subject as the transaction read it) calls for. */
    private ScanDecision recorded(final SafePassageChaincode ledger, final Terminal terminal,
            final Identification identification, final String companionRef) {
        final Subject subject;
        try {
            subject = recordScan(ledger, terminal, identification.subjectId());
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() == ErrorCode.SUBJECT_ERASED) {
                return ScanDecision.of(Decision.ALERT, "SUBJECT_ERASED", identification.subjectId());
            }
            throw e;
        }
        return decided(terminal, identification, subject, companionRef);
    }

    /*
     * RecordScan writes nothing but the guard's attribution (a key of its own, which nothing else reads or writes): the
     * decision needs only the subject as the endorsing peers read it. So a scan of an
     * active subject is answered once the orderer has accepted the transaction, and its commit is awaited in the
     * background (resubmitted once on a read conflict, logged and counted otherwise); an alert (a flagged-missing
     * child) waits for the commit, so the alert is on the ledger before the guard sees it.
     */
    private Subject recordScan(final SafePassageChaincode ledger, final Terminal terminal, final String subjectId) {
        final RecordScanCommand command = new RecordScanCommand(subjectId, terminal.post());
        if (awaitScanCommit) {
            return timed("commit", () -> ledger.crossings().recordScan(command));
        }
        final Submitted<Subject> submitted = timed("submit", () -> ledger.crossings().recordScanAsync(command));
        if (submitted.result().status() != SubjectStatus.ACTIVE) {
            timed("commit", () -> {
                try {
                    return submitted.committed().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            });
            return submitted.result();
        }
        submitted.committed().whenCompleteAsync((done, failure) -> {
            if (failure == null) {
                return;
            }
            final Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof LedgerConflictException) {
                try {
                    ledger.crossings().recordScan(command);
                    return;
                } catch (RuntimeException again) {
                    LOG.errorf("the scan of %s at %s was decided but is not on the ledger: %s", subjectId,
                            terminal.post(), again.getMessage());
                }
            } else {
                LOG.errorf("the scan of %s at %s was decided but did not commit: %s", subjectId, terminal.post(),
                        cause.getMessage());
            }
            metrics.counter("safepassage.scan.unrecorded").increment();
        }, RESUBMISSIONS);
        return submitted.result();
    }

    /* Each step of a scan, as safepassage_scan_step_seconds{step} (docs/performance.md has the budget). */
    private <T> T timed(final String step, final java.util.function.Supplier<T> work) {
        final long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            metrics.timer("safepassage.scan.step", "step", step).record(System.nanoTime() - started,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /* The decision for a recorded scan that opens no request. */
    private ScanDecision decided(final Terminal terminal, final Identification identification, final Subject subject,
            final String companionRef) {
        final String protection = protection(subject);
        if (identification.tampered()) {
            LOG.warnf("integrity mismatch for subject %s at %s", subject.subjectId(), terminal.post());
            return decision(Decision.ALERT, "INTEGRITY_MISMATCH", subject, protection, companionRef);
        }
        if (subject.status() == SubjectStatus.FLAGGED_MISSING) {
            return decision(Decision.ALERT, "FLAGGED_MISSING", subject, protection, companionRef);
        }
        return decision(Decision.CLEAR, "NOT_PROTECTED", subject, protection, companionRef);
    }

    private static String protection(final Subject subject) {
        return subject.protectionClass() == null ? null : subject.protectionClass().name();
    }

    /**
     * One open request per subject. A scan of the crossing already asked about (the guard scanned again) gets that
     * request back, and the guardians no second round of codes. A scan at another post, or in another direction or
     * with another companion, while a request is open is an alert: the guardians were told about the first crossing,
     * which stands (cancelling it would let someone refused or waiting at one post start afresh at the next). Either
     * way the rescan is recorded with {@code RecordScan}. A new request records the scan in its own transaction.
     *
     * <p>The tracker knows the open requests only as far as the ledger's events have reached this gateway (not yet,
     * just after a restart; not at all, for one another gateway opened a moment ago). The ledger is the authority: it
     * refuses a second open request for the subject, naming the open one, and that refusal is answered as if the
     * tracker had known. The subject's lock keeps this gateway's own scans of one child from racing each other.
     */
    private ScanDecision askGuardians(final SafePassageChaincode ledger, final Terminal terminal,
            final Identification identification, final Subject read, final Direction direction,
            final String companionRef) {
        final Optional<CrossingRequest> open = tracker.openFor(read.subjectId(), clock.instant());
        if (open.isPresent()) {
            return whileOpen(ledger, terminal, identification, direction, companionRef, open.get().requestId(),
                    open);
        }
        final CrossingRequest request;
        try {
            request = timed("commit", () -> submitOpening(ledger, new OpenCrossingRequestCommand(read.subjectId(),
                    terminal.post(), direction, companionRef, (int) requestTtl.toSeconds(), true)));
        } catch (RequestAlreadyOpenException e) {
            return whileOpen(ledger, terminal, identification, direction, companionRef, e.getOpenRequestId(),
                    readable(ledger, e.getOpenRequestId()));
        } catch (ChaincodeRefusedException e) {
            // The subject changed between the read and the commit (flagged, erased, or past the consent month):
            // the request was not opened and the scan not recorded; RecordScan records it and says what it is now.
            if (e.getCode() == ErrorCode.SUBJECT_FLAGGED_MISSING || e.getCode() == ErrorCode.SUBJECT_ERASED
                    || e.getCode() == ErrorCode.APPROVAL_NOT_REQUIRED) {
                return recorded(ledger, terminal, identification, companionRef);
            }
            throw e;
        }
        tracker.opened(request);
        return approvalNeeded(read, protection(read), companionRef, request);
    }

    /*
     * OpenCrossingRequest, submitted once more after a read conflict: the conflict means another post opened a request
     * for the subject at the same moment (both read its open-request marker), and the second attempt is refused naming
     * the request that won. One more attempt is enough for that; a second conflict is passed on.
     */
    private static CrossingRequest submitOpening(final SafePassageChaincode ledger,
            final OpenCrossingRequestCommand command) {
        return Retry.onConflict(2).submit(() -> ledger.crossings().openRequest(command));
    }

    /*
     * The open request the ledger named, as this post may read it: a request at another country's post is not its to
     * read (ACCESS_DENIED), and is certainly not the crossing scanned here.
     */
    private Optional<CrossingRequest> readable(final SafePassageChaincode ledger, final String requestId) {
        try {
            final CrossingRequest request = ledger.crossings().readRequest(requestId);
            tracker.update(request); // so the next scan of the subject finds it here, ahead of its event
            return Optional.of(request);
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() == ErrorCode.ACCESS_DENIED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /*
     * A scan while the subject has an open request (known to the tracker, or named by the ledger's refusal): recorded
     * with RecordScan, then the request back for the same crossing, or an alert for another.
     */
    private ScanDecision whileOpen(final SafePassageChaincode ledger, final Terminal terminal,
            final Identification identification, final Direction direction, final String companionRef,
            final String requestId, final Optional<CrossingRequest> request) {
        final Subject subject = recordScan(ledger, terminal, identification.subjectId());
        if (subject.status() != SubjectStatus.ACTIVE) {
            return decided(terminal, identification, subject, companionRef);
        }
        final String protection = protection(subject);
        if (request.isPresent() && request.get().isSameCrossing(terminal.post(), direction, companionRef)) {
            return approvalNeeded(subject, protection, companionRef, request.get());
        }
        LOG.warnf("subject %s scanned at %s (%s) while request %s is open at %s (%s)", subject.subjectId(),
                terminal.post(), direction, requestId, request.map(CrossingRequest::post).orElse("another country"),
                request.map(r -> r.direction().name()).orElse("?"));
        return decision(Decision.ALERT, "REQUEST_PENDING_ELSEWHERE", subject, protection, companionRef);
    }

    private static ScanDecision approvalNeeded(final Subject subject, final String protection,
            final String companionRef, final CrossingRequest request) {
        return new ScanDecision(Decision.GUARDIAN_APPROVAL_NEEDED, "APPROVAL_REQUIRED", subject.subjectId(),
                protection, companionRef, null, request.requestId(), request.expiresAt(), null);
    }

    private static ScanDecision decision(final Decision decision, final String reason, final Subject subject,
            final String protection, final String companionRef) {
        return new ScanDecision(decision, reason, subject.subjectId(), protection, companionRef, null, null, null,
                null);
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
        if (!Identifiers.isOpaqueId(value.trim())) {
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
            final byte[] bytes = decoded(field, images.get(i), "a base64 PNG, JPEG or WSQ image");
            if (ImageFormat.detect(bytes).isEmpty()) {
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
            final byte[] bytes = decoded(field, irisImages.get(i), "a base64 PNG or JPEG image");
            final Optional<ImageFormat> format = ImageFormat.detect(bytes);
            if (format.isEmpty() || format.get() == ImageFormat.WSQ) {
                throw new ApiException(400, "UNSUPPORTED_IMAGE_FORMAT", field + ": not a PNG or JPEG image",
                        java.util.Map.of("field", field));
            }
        }
        return List.copyOf(irisImages);
    }

    /* One image of a scan, base64-decoded and within the size limit; a 400 naming the field otherwise. */
    private static byte[] decoded(final String field, final String image, final String expected) {
        if (image == null || image.isBlank()) {
            throw ApiException.invalid(field, expected);
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
        return bytes;
    }
}
