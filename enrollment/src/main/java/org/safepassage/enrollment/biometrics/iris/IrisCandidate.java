package org.safepassage.enrollment.biometrics.iris;

/**
 * A gallery entry whose code is within the threshold of a probe.
 *
 * @param subjectId the enrolled subject
 * @param score the comparison at its best rotation
 */
public record IrisCandidate(String subjectId, IrisScore score) {}
