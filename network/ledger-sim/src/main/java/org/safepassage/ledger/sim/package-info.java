/**
 * An in-process stand-in for a Hyperledger Fabric peer, for driving Java chaincode in tests.
 *
 * <p>The entry point is {@link org.safepassage.ledger.sim.LedgerSimulator}: it endorses a {@link
 * org.safepassage.ledger.sim.Proposal} by running the {@code @Contract} classes found on the class path through
 * the shim's own {@code ContractRouter} against a {@link org.safepassage.ledger.sim.SimulatedStub}, records the
 * read/write set exactly as a peer would, and commits blocks of {@link org.safepassage.ledger.sim.Endorsement}s
 * to a versioned {@link org.safepassage.ledger.sim.WorldState} with Fabric's MVCC and phantom-read validation.
 * Given a chaincode-level {@link org.safepassage.ledger.sim.SignaturePolicy}, it also validates endorsements as
 * Fabric's state-based validator does (each written key's committed validation parameter, else that policy) against
 * the {@link org.safepassage.ledger.sim.Signer}s of each endorsement, and plans who must endorse.
 * Identities for proposals come from a {@link org.safepassage.ledger.sim.CertificateAuthority}.
 */
package org.safepassage.ledger.sim;
