package dev.dcforge.diff;

import java.util.List;

/**
 * One Kubernetes object that differs between base and head.
 *
 * @param kind    added, removed or changed
 * @param ref     {@code Kind/name} or {@code Kind/namespace/name}
 * @param unified the unified diff of the object's YAML (secret values masked); empty for added/removed
 */
public record ResourceChange(Type kind, String ref, List<String> unified) {
    public enum Type {
        ADDED("+", "added"), REMOVED("-", "removed"), CHANGED("~", "changed");

        private final String symbol;
        private final String label;

        Type(String symbol, String label) {
            this.symbol = symbol;
            this.label = label;
        }

        public String symbol() {
            return symbol;
        }

        public String label() {
            return label;
        }
    }
}
