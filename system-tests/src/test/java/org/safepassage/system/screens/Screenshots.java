package org.safepassage.system.screens;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Path;

/**
 * Photographs each screen the browser tests pass through, at the two sizes the screens are made for (a 1280x800
 * desktop and a 768 px wide tablet held upright), and checks at each size that the page does not scroll sideways.
 * The pictures land in target/screenshots: CI keeps them as artifacts, and docs/screenshots holds a copy.
 */
final class Screenshots {
    static final Path DIRECTORY = Path.of("target", "screenshots").toAbsolutePath();
    private static final int[][] SIZES = {{1280, 800}, {768, 1024}};

    private Screenshots() {}

    /** Saves {@code NAME-1280.png} and {@code NAME-768.png} of the page as it is now, then restores its size. */
    static void take(final Page page, final String name) {
        final ViewportSize original = page.viewportSize();
        for (int[] size : SIZES) {
            page.setViewportSize(size[0], size[1]);
            final Object overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue())
                    .as("%s scrolls sideways at %d px wide", name, size[0]).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(DIRECTORY.resolve(name + "-" + size[0] + ".png"))
                    .setFullPage(true));
        }
        page.setViewportSize(original.width, original.height);
    }
}
