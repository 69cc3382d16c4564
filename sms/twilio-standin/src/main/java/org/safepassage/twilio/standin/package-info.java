/**
 * A local, dependency-light stand-in for Twilio's SMS API: the Messages REST resource, delivery with signed status
 * callbacks, signed inbound-message webhooks and a phone inbox page, for tests and the embedded demo.
 *
 * <p>Entry point: {@link org.safepassage.twilio.standin.TwilioStandIn#builder()}; from the command line,
 * {@link org.safepassage.twilio.standin.Main}.
 */
package org.safepassage.twilio.standin;
