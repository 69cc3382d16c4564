/**
 * The organisations' identities for a development or test network, written in the Fabric MSP folder layout so the
 * same material serves the devpeer and a real Fabric network (peers, orderers, configtxgen, the Gateway clients).
 *
 * <p>Entry points: {@link org.safepassage.network.crypto.DevCrypto} writes the material (also from the command
 * line); {@link org.safepassage.network.crypto.CryptoMaterial} reads it back.
 */
package org.safepassage.network.crypto;
