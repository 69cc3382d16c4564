/**
 * An in-process stand-in for a Hyperledger Fabric peer, for driving Java chaincode in tests.
 *
 * <p>The entry point is {@link org.safepassage.ledger.sim.LedgerSimulator}: it endorses a {@link
 * org.safepassage.ledger.sim.Proposal} by running the {@code @Contract} classes found on the class path through
 * the shim's own {@code ContractRouter} against a {@link org.safepassage.ledger.sim.SimulatedStub}, records the
 * read/write set exactly as a peer would, and commits blocks of {@link org.safepassage.ledger.sim.Endorsement}s
 * to a versioned {@link org.safepassage.ledger.sim.WorldState} with Fabric's MVCC and phantom-read validation.
 * Identities for proposals come from a {@link org.safepassage.ledger.sim.CertificateAuthority}.
 */
package org.safepassage.ledger.sim;
