package org.safepassage.enrollment.vault;

/**
 * A key or pepper from configuration is missing, malformed or too weak to use. The message says which setting and
 * why, and never contains the key material itself.
 */
public final class KeyConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with which setting, without any key material
     */
    public KeyConfigurationException(final String message) {
        super(message);
    }
}
