package org.safepassage.enrollment.biometrics.iris;

/** Why an iris image was refused; the name is the machine-readable code an API returns. */
public enum IrisRejectionReason {
    /** No bytes were sent. */
    EMPTY_IMAGE,
    /** The upload is larger than the policy allows; it was not decoded. */
    FILE_TOO_LARGE,
    /** The bytes are not PNG or JPEG. */
    UNSUPPORTED_FORMAT,
    /** The bytes claim PNG or JPEG but do not decode. */
    UNREADABLE_IMAGE,
    /** The image is not the 640 x 480 of an ISO/IEC 19794-6 / 39794-6 VGA iris capture (checked before decoding). */
    WRONG_IMAGE_SIZE,
    /** No pupil or no limbus boundary was found: no eye, or an eye too blurred or dark to segment. */
    IRIS_NOT_FOUND,
    /** The iris circle runs off the image (ISO/IEC 29794-6 margin adequacy). */
    IRIS_NOT_IN_FRAME,
    /** The iris diameter is below the minimum (ISO/IEC 29794-6 iris radius): too far from the camera. */
    IRIS_TOO_SMALL,
    /** The pupil-to-iris radius ratio is outside the accepted range (pupil dilation; ISO/IEC 29794-6). */
    PUPIL_IRIS_RATIO_OUT_OF_RANGE,
    /** Pupil and limbus are far from concentric: the eye looks away from the camera (off-angle gaze). */
    GAZE_OFF_AXIS,
    /** The eyelids cover too much of the iris. */
    IRIS_OCCLUDED,
    /** Too little of the iris is usable once eyelids, lashes and reflections are masked (ISO/IEC 29794-6). */
    USABLE_IRIS_AREA_TOO_SMALL,
    /** The iris texture lacks the fine detail of a focused image (defocus or motion blur). */
    OUT_OF_FOCUS
}
