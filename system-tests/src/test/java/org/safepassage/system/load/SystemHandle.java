package org.safepassage.system.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code org.safepassage.system.RunningSystem} (package-private, shared with the system tests) seen from this
 * package: the whole system started exactly as {@code ./run} starts it, and its HTTP helpers. Reflection only so that
 * the load driver can live apart from the tests without changing them.
 */
final class SystemHandle implements AutoCloseable {
    private static final Class<?> TYPE = type();
    private final Object system;

    private SystemHandle(final Object system) {
        this.system = system;
    }

    static SystemHandle start(final Path data) throws Exception {
        return new SystemHandle(call(null, method("start", Path.class), data));
    }

    Path data() throws Exception {
        final Field field = TYPE.getDeclaredField("data");
        field.setAccessible(true);
        return (Path) field.get(system);
    }

    /** The ports run-system was given: ENROLLMENT_PORT, GATEWAY_ADMIN_PORT, ... */
    @SuppressWarnings("unchecked")
    Map<String, Integer> ports() throws Exception {
        final Field field = TYPE.getDeclaredField("ports");
        field.setAccessible(true);
        return (Map<String, Integer>) field.get(system);
    }

    JsonNode enrollment(final String method, final String path, final String user, final Object body) throws Exception {
        return (JsonNode) call(system, method("enrollment", String.class, String.class, String.class, Object.class),
                method, path, user, body);
    }

    JsonNode phone(final String method, final String path, final Object body) throws Exception {
        return (JsonNode) call(system, method("phone", String.class, String.class, Object.class), method, path, body);
    }

    HttpClient terminal(final String user) throws Exception {
        return (HttpClient) call(system, method("terminal", String.class), user);
    }

    URI gateway(final String path) throws Exception {
        return (URI) call(system, method("gateway", String.class), path);
    }

    @Override
    public void close() throws Exception {
        ((AutoCloseable) system).close();
    }

    private static Class<?> type() {
        try {
            return Class.forName("org.safepassage.system.RunningSystem");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("system-tests' test classes are not on the classpath", e);
        }
    }

    private static Method method(final String name, final Class<?>... parameters) throws NoSuchMethodException {
        final Method method = TYPE.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    private static Object call(final Object target, final Method method, final Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
