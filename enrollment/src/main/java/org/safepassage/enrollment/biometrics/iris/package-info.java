/**
 * The iris modality: {@link org.safepassage.enrollment.biometrics.iris.IrisCapture} turns a near-infrared eye image into
 * an {@link org.safepassage.enrollment.biometrics.iris.IrisCode} or a machine-readable rejection;
 * {@link org.safepassage.enrollment.biometrics.iris.IrisMatcher} compares two codes (1:1),
 * {@link org.safepassage.enrollment.biometrics.iris.IrisSearch} searches a gallery (1:N), and
 * {@link org.safepassage.enrollment.biometrics.iris.IrisFcV1Commitments} binds a random key to a code as the
 * {@code iris-fc-v1} fuzzy commitment. See docs/biometrics.md for the published methods and the measured figures.
 */
package org.safepassage.enrollment.biometrics.iris;
