package org.safepassage.service.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageFormatTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
    private static final byte[] WSQ = {(byte) 0xff, (byte) 0xa0, (byte) 0xff, (byte) 0xa8};

    @Test
    void recognises_png_jpeg_and_wsq_by_their_leading_bytes() {
        assertThat(ImageFormat.detect(PNG)).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(JPEG)).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(WSQ)).contains(ImageFormat.WSQ);
    }

    @Test
    void refuses_anything_else_and_truncated_signatures() {
        assertThat(ImageFormat.detect("%PDF-1.7".getBytes())).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    }

    @Test
    void a_photo_is_a_png_or_a_jpeg_never_a_wsq() {
        assertThat(ImageFormat.isPhoto(PNG)).isTrue();
        assertThat(ImageFormat.isPhoto(JPEG)).isTrue();
        assertThat(ImageFormat.isPhoto(WSQ)).isFalse();
    }
}
