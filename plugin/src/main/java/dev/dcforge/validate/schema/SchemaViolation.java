package dev.dcforge.validate.schema;

/**
 * One schema failure of one object.
 *
 * @param path    where in the object, e.g. "spec.template.spec.containers[0].imagePullPolcy"; empty for the object itself
 * @param problem what is wrong, e.g. "unknown field; did you mean imagePullPolicy?"
 */
public record SchemaViolation(String path, String problem) {
    public String message() {
        return (path.isEmpty() ? "(object)" : path) + ": " + problem;
    }
}
