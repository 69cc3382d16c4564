/**
 * What the services know alike about texting guardians: the languages ({@link org.safepassage.service.sms.SmsLanguage})
 * and the phone numbers ({@link org.safepassage.service.sms.PhoneNumbers}).
 */
package org.safepassage.service.sms;
