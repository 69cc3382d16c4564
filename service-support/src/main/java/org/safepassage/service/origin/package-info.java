/**
 * Cross-site request refusal for every service: {@link org.safepassage.service.origin.OriginCheck}.
 */
package org.safepassage.service.origin;
