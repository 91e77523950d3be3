package dev.dcforge.bench;

import dev.dcforge.support.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one stage of the reference stack in a loop, for profiling with JFR:
 * {@code java -XX:StartFlightRecording=filename=x.jfr,settings=profile -cp ... dev.dcforge.bench.ProfileLoop validate 20}
 * (stages: render, validate, template, package, engine, build; seconds).
 */
public final class ProfileLoop {
    private static Path project;
    private static final MojoRunner RUNNER = new MojoRunner();

    /** A full build of the reference stack through the goals (output deleted first). */
    private static void build(Workspace ws) {
        try {
            if (project == null) {
                project = Builds.copyProject(ws.chartsDir, ws.overridesDir, ws.work.resolve("project"));
            }
            AtomicFiles.deleteTree(project.resolve("target"));
            Builds.build(RUNNER, project, Builds.params());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        String stage = args[0];
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        Workspace ws = Workspace.reference(Workspace.repoRootProperty(), Workspace.scratch("profile-")).prepare();
        List<Workspace.Target> targets = ws.targets();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long ops = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            switch (stage) {
                case "render" -> ws.renderAll();
                case "validate" -> ws.validate(ws.allInputs());
                case "template" -> targets.forEach(ws::template);
                case "engine" -> targets.forEach(ws::engine);
                case "package" -> targets.forEach(ws::packageChart);
                case "build" -> build(ws);
                default -> throw new IllegalArgumentException(stage);
            }
            ops++;
        }
        System.out.printf("%s: %d ops, %.3f ms/op%n", stage, ops, (System.nanoTime() - start) / 1e6 / ops);
        ws.delete();
        System.exit(0);
    }
}
