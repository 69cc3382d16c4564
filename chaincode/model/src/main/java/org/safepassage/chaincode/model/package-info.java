/**
 * The on-chain records of SafePassage, the commands that change them, the events the chaincode emits and its error
 * codes: plain Java records shared by the contract and its client, with no Fabric dependency.
 *
 * <p>Nothing here may hold personal data: subjects and guardians are opaque random identifiers, biometrics are a keyed
 * commitment, companions and evidence are keyed hashes. {@link org.safepassage.chaincode.model.CanonicalJson} is the
 * one serialiser for all of them: sorted keys and strict parsing (unknown fields, duplicate keys and trailing data are
 * refused), so every endorsing peer writes identical bytes.
 */
package org.safepassage.chaincode.model;
