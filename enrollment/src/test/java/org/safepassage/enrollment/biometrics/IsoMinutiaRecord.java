package org.safepassage.enrollment.biometrics;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes ISO/IEC 19794-2:2005 finger minutiae records (the "FMR" format of capture devices and smart cards), one
 * finger view, no extended data. Written here byte by byte: SourceAFIS exports ISO records only from its own templates
 * (not from a list of minutiae), and writing them here keeps the angle convention explicit.
 *
 * <p>Layout (big-endian): a 24-byte record header ({@code "FMR\0"}, version {@code " 20\0"}, 4-byte record length,
 * 2-byte capture equipment, 2-byte image width and height in pixels, 2-byte horizontal and vertical resolution in
 * pixels per centimetre, 1-byte number of finger views, 1 reserved byte), a 4-byte finger view header (finger
 * position, view number and impression type, finger quality, number of minutiae), 6 bytes per minutia (2-bit type
 * and 14-bit x, 2 reserved bits and 14-bit y, angle, quality) and a 2-byte extended data length.
 *
 * <p>ISO angles run counter-clockwise as seen on screen (from the x axis towards the top of the image, although y
 * grows downwards) in units of 360/256 degrees; {@link SyntheticMinutia} and SourceAFIS run clockwise in radians. So
 * the ISO angle is {@code -direction} scaled to 256 steps, and SourceAFIS's import turns it back into
 * {@code 2 pi - angle}.
 */
final class IsoMinutiaRecord {
    /** 500 DPI in the pixels per centimetre that ISO records store (196.85, rounded). */
    static final int PIXELS_PER_CM_500_DPI = 197;
    private static final int TYPE_ENDING = 0b01;
    private static final int TYPE_BIFURCATION = 0b10;
    private static final int HEADER = 24;
    private static final int VIEW_HEADER = 4;
    private static final int MINUTIA = 6;
    private static final int EXTENDED_LENGTH = 2;

    private IsoMinutiaRecord() {}

    /**
     * Writes one finger view.
     *
     * @param width image width in pixels at 500 DPI
     * @param height image height in pixels
     * @param minutiae at most 255, positions inside the image
     * @param quality finger quality 0-100
     */
    static byte[] write(final int width, final int height, final List<SyntheticMinutia> minutiae, final int quality) {
        if (minutiae.size() > 255) {
            throw new IllegalArgumentException("an ISO finger view holds at most 255 minutiae");
        }
        final int length = HEADER + VIEW_HEADER + MINUTIA * minutiae.size() + EXTENDED_LENGTH;
        final ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes(new byte[] {'F', 'M', 'R', 0, ' ', '2', '0', 0});
        writeInt(out, length);
        writeShort(out, 0); // capture equipment: not certified, id unknown
        writeShort(out, width);
        writeShort(out, height);
        writeShort(out, PIXELS_PER_CM_500_DPI);
        writeShort(out, PIXELS_PER_CM_500_DPI);
        out.write(1); // one finger view
        out.write(0); // reserved
        out.write(0); // finger position: unknown
        out.write(0); // view 0, impression type 0: live-scan plain
        out.write(quality);
        out.write(minutiae.size());
        for (final SyntheticMinutia minutia : minutiae) {
            final int x = clamp((int) Math.round(minutia.x()), width);
            final int y = clamp((int) Math.round(minutia.y()), height);
            final int type = minutia.type() == SyntheticMinutia.Type.ENDING ? TYPE_ENDING : TYPE_BIFURCATION;
            writeShort(out, type << 14 | x);
            writeShort(out, y);
            out.write(isoAngle(minutia.direction()));
            out.write(quality);
        }
        writeShort(out, 0); // no extended data
        return out.toByteArray();
    }

    /** The ISO angle byte of a clockwise direction in radians. */
    static int isoAngle(final double direction) {
        return (int) Math.round(SyntheticMinutia.normalize(-direction) / (2 * Math.PI) * 256) & 0xff;
    }

    private static int clamp(final int value, final int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private static void writeShort(final ByteArrayOutputStream out, final int value) {
        out.write(value >>> 8 & 0xff);
        out.write(value & 0xff);
    }

    private static void writeInt(final ByteArrayOutputStream out, final int value) {
        writeShort(out, value >>> 16);
        writeShort(out, value & 0xffff);
    }
}
