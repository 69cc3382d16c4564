package org.safepassage.chaincode.client;

import org.hyperledger.fabric.client.Network;
import org.safepassage.chaincode.model.Actors;

final class ChaincodeClient implements SafePassageChaincode {
    private final Network network;
    private final String chaincodeName;
    private final String actor;
    private final Subjects subjects;
    private final Crossings crossings;
    private final Trips trips;
    private final Alerts alerts;
    private final AuditAnchors auditAnchors;
    private final LedgerEvents events;

    ChaincodeClient(final Network network, final String chaincodeName) {
        this(network, chaincodeName, null);
    }

    private ChaincodeClient(final Network network, final String chaincodeName, final String actor) {
        this.network = network;
        this.chaincodeName = chaincodeName;
        this.actor = actor;
        // Getting a contract is local bookkeeping in fabric-gateway: no call to the peer.
        this.subjects = new SubjectsImpl(calls(network, SubjectsImpl.CONTRACT));
        this.crossings = new CrossingsImpl(calls(network, CrossingsImpl.CONTRACT));
        this.trips = new TripsImpl(calls(network, TripsImpl.CONTRACT));
        this.alerts = new AlertsImpl(calls(network, AlertsImpl.CONTRACT));
        this.auditAnchors = new AuditAnchorsImpl(calls(network, AuditAnchorsImpl.CONTRACT));
        this.events = new LedgerEventsImpl(network, chaincodeName, false);
    }

    @Override
    public SafePassageChaincode actingFor(final String actor) {
        return new ChaincodeClient(network, chaincodeName, Actors.require(actor));
    }

    @Override
    public String chaincodeName() {
        return chaincodeName;
    }

    @Override
    public Subjects subjects() {
        return subjects;
    }

    @Override
    public Crossings crossings() {
        return crossings;
    }

    @Override
    public Trips trips() {
        return trips;
    }

    @Override
    public Alerts alerts() {
        return alerts;
    }

    @Override
    public AuditAnchors auditAnchors() {
        return auditAnchors;
    }

    @Override
    public LedgerEvents events() {
        return events;
    }

    private ContractCalls calls(final Network network, final String contractName) {
        return new ContractCalls(network.getContract(chaincodeName, contractName), contractName, actor);
    }
}
