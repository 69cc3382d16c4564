/**
 * Phone verification for enrollment: a one-time six-digit SMS code proves a guardian holds the phone number before it
 * can approve anything.
 *
 * <p>Entry point: {@link org.safepassage.guardian.verification.PhoneVerificationResource},
 * {@code /internal/v1/phone-verifications}; the rules are in
 * {@link org.safepassage.guardian.verification.PhoneVerificationService}.
 */
package org.safepassage.guardian.verification;
