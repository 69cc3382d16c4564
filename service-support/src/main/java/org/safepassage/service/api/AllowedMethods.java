package org.safepassage.service.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods a path answers, for the {@code Allow} header of a 405 (RFC 9110, 15.5.6): the framework refuses a wrong
 * method without saying which are right. Read once from the service's own resource classes (they are beans), so the
 * header and the routing cannot disagree.
 */
final class AllowedMethods {
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");
    private static volatile List<Route> routes;

    private AllowedMethods() {}

    private record Route(Pattern path, Set<String> methods) {}

    /**
     * The {@code Allow} value for a request path, such as {@code GET, HEAD, OPTIONS, POST}.
     *
     * @param path the request's path, as {@code UriInfo.getPath()} gives it
     * @return the header's value, or empty when no resource method matches the path
     */
    static Optional<String> of(final String path) {
        final String wanted = normalise(path);
        final Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(wanted).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        // The framework answers these two by itself for every resource path.
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return Optional.of(String.join(", ", methods));
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = read();
            routes = known;
        }
        return known;
    }

    private static List<Route> read() {
        final List<Route> found = new ArrayList<>();
        for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            final Class<?> type = bean.getBeanClass();
            final jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                final String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                final jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                final String template = root.value() + (sub == null ? "" : "/" + sub.value());
                found.add(new Route(regex(normalise(template)), Set.of(verb)));
            }
        }
        return List.copyOf(found);
    }

    private static String verb(final Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            final HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static Pattern regex(final String template) {
        final StringBuilder regex = new StringBuilder();
        final Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).strip()).append(')');
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }

    static String normalise(final String path) {
        String clean = ("/" + path).replaceAll("/{2,}", "/");
        while (clean.length() > 1 && clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean;
    }
}
