package org.safepassage.enrollment.biometrics.iris;

/**
 * What the quality gate measured on an image (each as ISO/IEC 29794-6 defines the metric of the same name, in this
 * implementation's approximation).
 *
 * @param irisDiameter limbus diameter in pixels
 * @param pupilIrisRatio pupil radius over iris radius
 * @param concentricity distance between pupil and iris centres over the iris radius
 * @param eyelidOcclusion fraction of the iris annulus behind the eyelids
 * @param usableIrisArea fraction of the iris annulus not masked (eyelids, lashes, reflections)
 * @param focus band-pass energy of the iris texture (grey levels, RMS)
 */
public record IrisQuality(double irisDiameter, double pupilIrisRatio, double concentricity, double eyelidOcclusion,
        double usableIrisArea, double focus) {}
