package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synchrony (collaborative editing) holds one websocket per open editor. Timeouts shorter than the ingress-nginx
 * default of 60 seconds, HTTP/1.0 proxying (no Upgrade), or an Istio route timeout cut those connections.
 */
public final class SynchronyWebsocketTimeoutRule extends JavaRule {
    static final int MIN_SECONDS = 60;
    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)(ms|s|m|h)?$");

    public SynchronyWebsocketTimeoutRule() {
        super("atlassian-synchrony-websocket-timeout", Severity.ERROR, "atlassian",
                "Synchrony path is not websocket-safe",
                "Collaborative editing keeps a websocket open to Synchrony for every open editor. A proxy read/send timeout "
                        + "below " + MIN_SECONDS + " seconds, HTTP/1.0 proxying, or a route timeout closes those connections: "
                        + "editors reconnect in a loop and changes are not saved.",
                "Leave nginx.ingress.kubernetes.io/proxy-read-timeout and proxy-send-timeout at " + MIN_SECONDS
                        + " seconds or more (the Atlassian charts' default is 60) and proxy-http-version at 1.1; "
                        + "remove the timeout from Istio routes to /synchrony.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject ing : set.ofKind("Ingress")) {
            if (!routesSynchrony(ing)) {
                continue;
            }
            JsonNode a = ing.json().path("metadata").path("annotations");
            for (String key : new String[] {"proxy-read-timeout", "proxy-send-timeout"}) {
                JsonNode v = a.path("nginx.ingress.kubernetes.io/" + key);
                Double seconds = v.isMissingNode() ? null : seconds(v.asText() + (v.asText().matches("\\d+") ? "s" : ""));
                if (seconds != null && seconds < MIN_SECONDS) {
                    sink.report(ing, "routes /synchrony with nginx.ingress.kubernetes.io/" + key + " " + v.asText()
                            + " (below " + MIN_SECONDS + "s): websockets are closed while editors are idle");
                }
            }
            if (a.path("nginx.ingress.kubernetes.io/proxy-http-version").asText("1.1").equals("1.0")) {
                sink.report(ing, "routes /synchrony over HTTP/1.0 (nginx.ingress.kubernetes.io/proxy-http-version), "
                        + "which cannot upgrade to a websocket");
            }
        }
        for (ManifestObject vs : set.ofKind("VirtualService")) {
            for (JsonNode http : vs.json().path("spec").path("http")) {
                if (!http.toString().contains("synchrony") || !http.has("timeout")) {
                    continue;
                }
                Double seconds = seconds(http.path("timeout").asText());
                if (seconds != null && seconds > 0 && seconds < 3600) {
                    sink.report(vs, "route to synchrony has timeout " + http.path("timeout").asText()
                            + ", which ends every websocket after that time");
                }
            }
        }
    }

    private static boolean routesSynchrony(ManifestObject ing) {
        for (JsonNode rule : ing.json().path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                if (path.path("path").asText("").contains("synchrony")
                        || path.path("backend").path("service").path("name").asText("").contains("synchrony")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Double seconds(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> n / 1000;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }
}
