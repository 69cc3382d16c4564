package org.safepassage.enrollment.subject;

/** A phone number as screens show it: enough to recognise it with the guardian, too little to call it. */
public final class MaskedPhone {
    private static final int SHOWN = 3;

    private MaskedPhone() {}

    /** "+40711000101" becomes "•••••••••101": every character but the last three digits is hidden. */
    public static String of(final String phoneNumber) {
        if (phoneNumber == null || phoneNumber.length() <= SHOWN) {
            return "•••";
        }
        final int hidden = phoneNumber.length() - SHOWN;
        return "•".repeat(hidden) + phoneNumber.substring(hidden);
    }
}
