/**
 * The border guard's web screen, {@link org.safepassage.gateway.scan.ui.GuardScreen} at {@code /guard/}: scan, one
 * full-screen decision, live guardian status, crossing and supervisor override, in English, Romanian, Russian and
 * Ukrainian. Its script and dictionary are static files under {@code /guard/}.
 */
package org.safepassage.gateway.scan.ui;
