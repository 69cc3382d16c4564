/**
 * Calls between services: {@link org.safepassage.service.token.ServiceTokens} hands a service the bearer token of its
 * own confidential client at the identity provider (OAuth 2.0 client credentials), kept until shortly before expiry by
 * {@link org.safepassage.service.token.ClientCredentials}.
 */
package org.safepassage.service.token;
