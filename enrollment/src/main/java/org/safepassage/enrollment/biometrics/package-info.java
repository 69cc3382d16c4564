/**
 * Fingerprint capture, quality check, templates and matching (1:1 and 1:N) over SourceAFIS.
 *
 * <p>Entry points: {@link org.safepassage.enrollment.biometrics.FingerprintCapture} turns an image from a capture
 * device (PNG, JPEG or WSQ) into a {@link org.safepassage.enrollment.biometrics.FingerprintTemplateBytes} or a
 * machine-readable {@link org.safepassage.enrollment.biometrics.RejectionReason};
 * {@link org.safepassage.enrollment.biometrics.FingerprintSearch} verifies 1:1, identifies 1:N over a
 * {@link org.safepassage.enrollment.biometrics.Gallery} and deduplicates at enrollment, where a hit is always a
 * {@link org.safepassage.enrollment.biometrics.Deduplication.DuplicateReferral} for a supervisor, never a merge.
 *
 * <p>1:N runs over templates, never over commitments: commitments are keyed one-way values and cannot be searched.
 */
package org.safepassage.enrollment.biometrics;
