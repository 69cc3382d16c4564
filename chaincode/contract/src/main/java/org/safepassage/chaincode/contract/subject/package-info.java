/**
 * Subjects: registration by the registry, guardians and their quorum, commitment renewal, the missing flag, erasure.
 * Entry point: {@link org.safepassage.chaincode.contract.subject.SubjectContract}.
 */
package org.safepassage.chaincode.contract.subject;
