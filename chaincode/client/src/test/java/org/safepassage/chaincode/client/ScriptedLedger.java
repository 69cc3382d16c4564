package org.safepassage.chaincode.client;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Transaction;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;
import org.safepassage.chaincode.model.CanonicalJson;

/**
 * A fabric-gateway {@link Network} of Mockito mocks that records every chaincode call (contract, transaction,
 * arguments, submit or evaluate) and answers with scripted results or failures, in order; the last one repeats.
 */
final class ScriptedLedger {
    static final String CHAINCODE = "safepassage-test";
    static final String TX_ID = "1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f";

    enum Intent { SUBMIT, EVALUATE }

    record Call(String contract, String transaction, List<String> args, Intent intent) {}

    final Network network = mock(Network.class);
    final List<Call> calls = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    ScriptedLedger() {
        when(network.getContract(eq(CHAINCODE), anyString()))
                .thenAnswer(inv -> contract(inv.getArgument(1, String.class)));
    }

    SafePassageChaincode client() {
        return SafePassageChaincode.of(network, CHAINCODE);
    }

    /** The next call returns this record's canonical JSON. */
    ScriptedLedger returns(final Object record) {
        return returnsJson(CanonicalJson.toJson(record));
    }

    /** The next call returns this text as its result bytes. */
    ScriptedLedger returnsJson(final String json) {
        answers.add(json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * The next call fails with this exception: an {@link EndorseException} at endorsement, a plain
     * {@code GatewayException} at evaluation, the others when the endorsed transaction is submitted.
     */
    ScriptedLedger fails(final Exception failure) {
        answers.add(failure);
        return this;
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one chaincode call, got " + calls);
        }
        return calls.get(0);
    }

    private Contract contract(final String contractName) {
        final Contract contract = mock(Contract.class);
        when(contract.newProposal(anyString()))
                .thenAnswer(inv -> builder(contractName, inv.getArgument(0, String.class)));
        return contract;
    }

    private Proposal.Builder builder(final String contractName, final String transaction) {
        final List<String> args = new ArrayList<>();
        return mock(Proposal.Builder.class, inv -> switch (inv.getMethod().getName()) {
            case "addArguments" -> {
                for (final Object arg : inv.getArguments()) {
                    collect(args, arg);
                }
                yield inv.getMock();
            }
            case "build" -> proposal(new Call(contractName, transaction, args, null));
            default -> self(inv);
        });
    }

    private Proposal proposal(final Call partial) {
        return mock(Proposal.class, inv -> switch (inv.getMethod().getName()) {
            case "getTransactionId" -> TX_ID;
            case "evaluate" -> answer(record(partial, Intent.EVALUATE), false);
            case "endorse" -> {
                answer(record(partial, Intent.SUBMIT), true);
                yield transaction();
            }
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
    }

    private Transaction transaction() {
        return mock(Transaction.class, inv -> switch (inv.getMethod().getName()) {
            case "getTransactionId" -> TX_ID;
            case "submit" -> answer(null, false);
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
    }

    private Call record(final Call partial, final Intent intent) {
        final Call call = new Call(partial.contract(), partial.transaction(), List.copyOf(partial.args()), intent);
        calls.add(call);
        return call;
    }

    /** At endorsement only an EndorseException is thrown, and nothing is consumed otherwise. */
    private Object answer(final Call call, final boolean endorsing) throws Exception {
        final Object next = answers.size() > 1 ? answers.peek() : answers.peekLast();
        if (next == null) {
            throw new AssertionError("no answer scripted for " + call);
        }
        if (endorsing && !(next instanceof EndorseException)) {
            return null;
        }
        if (answers.size() > 1) {
            answers.poll();
        }
        if (next instanceof Exception failure) {
            throw failure;
        }
        return next;
    }

    private static void collect(final List<String> args, final Object arg) {
        if (arg instanceof String text) {
            args.add(text);
        } else if (arg instanceof byte[] bytes) {
            args.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (arg instanceof Object[] array) {
            for (final Object element : array) {
                collect(args, element);
            }
        } else {
            throw new AssertionError("unexpected argument " + arg);
        }
    }

    private static Object self(final InvocationOnMock inv) throws Throwable {
        return inv.getMethod().getReturnType().isInstance(inv.getMock())
                ? inv.getMock()
                : Answers.RETURNS_DEFAULTS.answer(inv);
    }
}
