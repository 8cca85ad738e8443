package io.github.puavomirror.cli;

/** The {@code puavo-mirror} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, CliIo.system());
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line against {@code io} and returns the exit code, without exiting. */
    public static int run(String[] args, CliIo io) {
        return run(args, io, EngineSelector.SYSTEM);
    }

    /** {@link #run(String[], CliIo)} with the rdiff engines {@code engines} gives. */
    public static int run(String[] args, CliIo io, EngineSelector engines) {
        return PuavoMirrorCommand.commandLine(io, engines, args).execute(args);
    }
}
