package org.safepassage.enrollment.subject;

/**
 * One captured eye.
 *
 * @param image near-infrared 8-bit greyscale PNG or JPEG, 640 x 480, base64-encoded
 */
public record IrisInput(Eye eye, String image) {
    public IrisInput {
        Fields.present("iris.eye", eye);
        Fields.present("iris.image", image);
    }
}
