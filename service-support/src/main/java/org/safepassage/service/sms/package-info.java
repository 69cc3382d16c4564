/** What the services know alike about texting guardians: {@link org.safepassage.service.sms.SmsLanguage}. */
package org.safepassage.service.sms;
