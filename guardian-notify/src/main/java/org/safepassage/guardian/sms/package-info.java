/**
 * Outbound SMS: {@link org.safepassage.guardian.sms.SmsSender}, implemented over Twilio's Messages API with
 * twilio-java and configured by {@link org.safepassage.guardian.sms.TwilioConfig} ({@code safepassage.twilio.*}).
 * A message-creating POST is never retried, so one call sends at most one text.
 */
package org.safepassage.guardian.sms;
